// The case queue, live: on each case event the table is read again from the service and put in place.
(() => {
  const queue = document.getElementById("case-queue");
  if (!queue) return;
  let loading = null;
  let again = false;

  async function reload() {
    if (loading) { again = true; return; }
    loading = (async () => {
      try {
        const response = await fetch(queue.dataset.table, { credentials: "same-origin", headers: { Accept: "text/html" } });
        if (response.ok) {
          queue.innerHTML = await response.text();
          queue.dataset.updated = String(Date.now());
        }
      } finally {
        loading = null;
        if (again) { again = false; reload(); }
      }
    })();
  }

  const events = new EventSource("/staff/cases/events");
  events.addEventListener("case", reload);
  // After a dropped connection the browser reconnects; what changed meanwhile is read with the table.
  events.addEventListener("ready", () => { if (queue.dataset.listening) reload(); queue.dataset.listening = "true"; });
})();
