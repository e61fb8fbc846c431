// The association's website chat: history on load, new bot lines over Server-Sent Events, menu choices as buttons.
(() => {
  const ui = {
    ar: { dir: 'rtl', title: 'جمعية تمكين الأسرة بالقصيم', placeholder: 'اكتب رسالتك هنا', send: 'إرسال', switchLabel: 'English', switchPayload: 'English',
          tooLarge: 'الرسالة كبيرة جداً ولم تُرسل. فضلاً اختصرها.', offline: 'تعذّر الإرسال، تحقّق من اتصالك ثم أعد المحاولة.',
          busy: 'وصلتنا رسائل كثيرة في وقت قصير، وستُرسل رسالتك تلقائياً بعد لحظات.', photo: 'صورة مرفقة', document: 'ملف مرفق' },
    en: { dir: 'ltr', title: 'Tamkeen Family Empowerment Association, Qassim', placeholder: 'Write your message here', send: 'Send', switchLabel: 'عربي', switchPayload: 'عربي',
          tooLarge: 'The message is too large and was not sent. Please shorten it.', offline: 'Could not send; check your connection and try again.',
          busy: 'Many messages came in at once; yours will be sent by itself in a moment.', photo: 'Attached photo', document: 'Attached document' },
  };
  const log = document.getElementById('log');
  const form = document.getElementById('composer');
  const text = document.getElementById('text');
  const notice = document.getElementById('notice');
  const languageButton = document.getElementById('language');
  const shown = new Set();
  let language = 'ar';

  function applyLanguage(lang) {
    language = lang;
    const t = ui[lang];
    document.documentElement.lang = lang;
    document.documentElement.dir = t.dir;
    document.getElementById('title').textContent = t.title;
    text.placeholder = t.placeholder;
    text.setAttribute('aria-label', t.placeholder);
    document.getElementById('send').textContent = t.send;
    languageButton.textContent = t.switchLabel;
    languageButton.lang = lang === 'ar' ? 'en' : 'ar';
    languageButton.dataset.payload = t.switchPayload;
  }

  function show(line) {
    if (shown.has(line.id)) return;
    shown.add(line.id);
    const bubble = document.createElement('div');
    bubble.className = `line ${line.from}`;
    bubble.dir = 'auto';
    bubble.dataset.id = line.id;
    bubble.textContent = line.text;
    for (const file of line.files || []) {
      const link = document.createElement('a');
      link.className = 'file';
      link.href = file.url;
      link.textContent = file.type.startsWith('image/') ? ui[language].photo : ui[language].document;
      bubble.appendChild(link);
    }
    if (line.buttons && line.buttons.length) {
      const row = document.createElement('div');
      row.className = 'buttons';
      for (const b of line.buttons) {
        const button = document.createElement('button');
        button.type = 'button';
        // The payload names the step the button belongs to ("2@RequestSummary"); the number shown is the choice.
        const choice = b.payload.split('@')[0];
        button.textContent = /^\d+$/.test(choice) ? `${choice}. ${b.label}` : b.label;
        button.dataset.payload = b.payload;
        button.dataset.choice = choice;
        button.addEventListener('click', () => send({ text: b.label, payload: b.payload }));
        row.appendChild(button);
      }
      bubble.appendChild(row);
    }
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
  }

  function say(message) {
    notice.textContent = message;
    notice.hidden = !message;
  }

  const newId = () => crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;

  // Too many at once (429): the message is kept and sent again, with the same id, after the wait the server gives.
  async function send(message, id = newId()) {
    say('');
    try {
      const response = await fetch('chat/messages', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, ...message }),
      });
      if (response.status === 413) { say(ui[language].tooLarge); return false; }
      if (response.status === 429) {
        say(ui[language].busy);
        const seconds = Number(response.headers.get('Retry-After')) || 1;
        await new Promise(resolve => setTimeout(resolve, seconds * 1000));
        return send(message, id);
      }
      if (!response.ok) { say(ui[language].offline); return false; }
      const { status } = await response.json();
      if (status === 'accepted') show({ id: `local-${id}`, from: 'me', text: message.text, buttons: [] });
      return true;
    } catch {
      say(ui[language].offline);
      return false;
    }
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = text.value;
    if (!value.trim()) return;
    if (await send({ text: value })) text.value = '';
  });
  text.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  languageButton.addEventListener('click', () => {
    const payload = languageButton.dataset.payload;
    applyLanguage(language === 'ar' ? 'en' : 'ar');
    send({ text: payload, payload });
  });

  async function start() {
    const response = await fetch('chat/history');
    if (response.status === 429) {
      say(ui[language].busy);
      setTimeout(start, (Number(response.headers.get('Retry-After')) || 1) * 1000);
      return;
    }
    say('');
    const history = await response.json();
    applyLanguage(history.language);
    history.lines.forEach(show);
    const events = new EventSource(`chat/events?after=${history.lastBotId}`);
    events.addEventListener('line', e => show(JSON.parse(e.data)));
    if (history.lines.length === 0) send({ text: language === 'ar' ? 'مرحبا' : 'hello', payload: 'menu' });
  }
  start();
})();
