// Draws the reports page's weekly chart from the JSON the page carries (the policy allows no inline script).
(() => {
  const canvas = document.getElementById('trend');
  const data = document.getElementById('trend-data');
  if (!canvas || !data || !window.Chart) return;
  const trend = JSON.parse(data.textContent);
  const colours = ['#1b6e5a', '#c9822b', '#4a5fa8'];
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: trend.weeks,
      datasets: trend.series.map((s, i) => ({ label: s.label, data: s.counts, backgroundColor: colours[i % colours.length] })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: trend.rtl ? 'ar-SA-u-nu-latn' : 'en',
      scales: { x: { reverse: trend.rtl }, y: { beginAtZero: true, ticks: { precision: 0 }, position: trend.rtl ? 'right' : 'left' } },
      plugins: {
        legend: { rtl: trend.rtl, textDirection: trend.rtl ? 'rtl' : 'ltr' },
        tooltip: { rtl: trend.rtl, textDirection: trend.rtl ? 'rtl' : 'ltr' },
      },
    },
  });
})();
