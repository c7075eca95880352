// The app's only script (the CSP allows no inline script): the CSRF token on every htmx request, a confirmation
// before forms marked data-confirm, and drag-and-drop of photos onto the Diagnose form's file picker.
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A form that changes something hard to undo (promote, revoke, delete) asks first: data-confirm holds the question.
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  function showChosen(input, out) {
    var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
    out.textContent = names.join(', ');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var zone = document.getElementById('dropzone');
    var input = document.getElementById('images');
    var out = document.getElementById('chosen');
    if (!zone || !input) {
      return;
    }
    input.addEventListener('change', function () { showChosen(input, out); });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
    });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        showChosen(input, out);
      }
    });
  });
})();
