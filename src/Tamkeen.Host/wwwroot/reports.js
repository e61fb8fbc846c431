// Draws each chart of the reports page from the JSON beside it (the policy allows no inline script):
// <canvas id="X" data-chart> and <script type="application/json" id="X-data">{ rtl, labels, series, percent }</script>.
(() => {
  if (!window.Chart) return;
  const colours = ['#1b6e5a', '#c9822b', '#4a5fa8'];
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const data = document.getElementById(`${canvas.id}-data`);
    if (!data) continue;
    const chart = JSON.parse(data.textContent);
    const direction = chart.rtl ? 'rtl' : 'ltr';
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: chart.labels,
        datasets: chart.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: colours[i % colours.length] })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: chart.rtl ? 'ar-SA-u-nu-latn' : 'en',
        scales: {
          x: { reverse: chart.rtl },
          y: { beginAtZero: true, max: chart.percent ? 100 : undefined, ticks: { precision: 0 }, position: chart.rtl ? 'right' : 'left' },
        },
        plugins: { legend: { rtl: chart.rtl, textDirection: direction }, tooltip: { rtl: chart.rtl, textDirection: direction } },
      },
    });
  }
})();
