// The Dashboard's charts (the CSP allows no inline script): each section names its JSON in data-src and its labels
// in data-label-* attributes; Chart.js draws them. A drawn canvas gets data-points (how many values it shows), so
// a test, or a curious reader, can tell a chart with data from an empty one.
(function () {
  'use strict';

  var GREEN = '#1d6b35';
  var RED = '#a1261b';
  var BLUE = '#1f5b99';
  var GREY = '#4a524c';

  function load(section, draw) {
    if (!section) {
      return;
    }
    fetch(section.dataset.src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) { draw(section, data); })
      .catch(function () {
        var p = section.querySelector('.help');
        p.textContent = section.dataset.error;
        p.classList.add('problem');
      });
  }

  function chart(id, type, labels, datasets, options) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    var config = {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: datasets.length > 1 } },
        scales: { x: { stacked: type === 'bar' }, y: { stacked: type === 'bar', beginAtZero: true,
          ticks: { precision: 0 } } } }, options || {})
    };
    new Chart(canvas, config);
    var points = datasets.reduce(function (sum, d) {
      return sum + d.data.reduce(function (s, v) { return s + v; }, 0);
    }, 0);
    canvas.dataset.points = String(points);
  }

  function drawMine(section, data) {
    var labels = section.dataset;
    var total = data.perDay.reduce(function (s, d) { return s + d.count; }, 0);
    document.getElementById('mine-summary').textContent = total + ' ' + labels.labelDiagnoses;
    chart('per-day', 'bar', data.perDay.map(function (d) { return d.day.substring(5); }),
      [{ label: labels.labelDiagnoses, data: data.perDay.map(function (d) { return d.count; }),
        backgroundColor: BLUE }]);
    if (data.crops) {
      var crops = data.crops.map(function (c) { return c.crop; });
      var sets = data.crops.length && data.crops[0].healthy !== undefined
        ? [{ label: labels.labelHealthy, data: data.crops.map(function (c) { return c.healthy; }),
              backgroundColor: GREEN },
           { label: labels.labelSick, data: data.crops.map(function (c) { return c.sick; }),
              backgroundColor: RED }]
        : [{ label: labels.labelCount, data: data.crops.map(function (c) { return c.count; }),
              backgroundColor: GREY }];
      chart('per-crop', 'bar', crops, sets);
    } else {
      hide('per-crop');
    }
    if (data.diseases) {
      chart('diseases', 'bar', data.diseases.map(function (d) { return d.predictedClass.replace('___', ' – ')
          .replace(/_/g, ' '); }),
        [{ label: labels.labelCount, data: data.diseases.map(function (d) { return d.count; }),
          backgroundColor: RED }], { indexAxis: 'y' });
    } else {
      hide('diseases');
    }
  }

  function drawPlatform(section, data) {
    var labels = section.dataset;
    document.getElementById('backlog').textContent = data.backlog
      ? labels.labelBacklog + ' ' + data.backlog.interactive + ' / ' + data.backlog.bulk
      : labels.labelNoBacklog;
    var minutes = data.completedPerMinute;
    chart('throughput', 'line', minutes.map(function (m) { return m.minute.substring(11); }),
      [{ label: labels.labelInteractive, data: minutes.map(function (m) { return m.interactive; }),
         borderColor: BLUE, backgroundColor: BLUE, pointRadius: 0 },
       { label: labels.labelBulk, data: minutes.map(function (m) { return m.bulk; }),
         borderColor: GREEN, backgroundColor: GREEN, pointRadius: 0 }],
      { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
  }

  function hide(id) {
    var canvas = document.getElementById(id);
    if (canvas) {
      canvas.closest('figure').hidden = true;
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
      return;
    }
    load(document.getElementById('mine'), drawMine);
    load(document.getElementById('platform'), drawPlatform);
  });
})();
