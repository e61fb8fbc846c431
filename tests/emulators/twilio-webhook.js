// Posts an inbound WhatsApp or SMS message to the service the way Twilio does, signed with X-Twilio-Signature,
// so the Twilio channels can be tried by hand against Prism.
//   node tests/emulators/twilio-webhook.js FROM BODY      FROM: +9665… for SMS, whatsapp:+9665… for WhatsApp
// Reads the settings given to the service: Twilio__AuthToken, Twilio__PublicBaseUrl, Twilio__AccountSid,
// Twilio__WhatsAppFrom, Twilio__SmsFrom; SERVICE_URL is where the service listens (default http://localhost:5080).
const crypto = require('crypto');

const [from, body] = process.argv.slice(2);
if (!from || body === undefined) {
  console.error('usage: node tests/emulators/twilio-webhook.js FROM BODY');
  process.exit(2);
}
const env = (name) => {
  const value = process.env[name];
  if (!value) { console.error(`${name} is not set (use the value the service runs with)`); process.exit(2); }
  return value;
};
const whatsApp = from.startsWith('whatsapp:');
const form = {
  AccountSid: env('Twilio__AccountSid'),
  MessageSid: 'SM' + crypto.randomBytes(16).toString('hex'),
  From: from,
  To: env(whatsApp ? 'Twilio__WhatsAppFrom' : 'Twilio__SmsFrom'),
  Body: body,
  NumMedia: '0',
};
const path = '/twilio/messages';
// Twilio's algorithm: HMAC-SHA1 with the auth token over the public URL and the form fields sorted by name, base64.
const signed = env('Twilio__PublicBaseUrl').replace(/\/+$/, '') + path
  + Object.keys(form).sort().map((key) => key + form[key]).join('');
const signature = crypto.createHmac('sha1', env('Twilio__AuthToken')).update(signed, 'utf8').digest('base64');

fetch((process.env.SERVICE_URL || 'http://localhost:5080') + path, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
  body: new URLSearchParams(form),
}).then(async (response) => {
  console.log(`${response.status} ${await response.text()}`);
  process.exit(response.ok ? 0 : 1);
}, (error) => { console.error(error.message); process.exit(1); });
