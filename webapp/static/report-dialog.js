// The "Report" link in place (report.web.ReportPage): with JavaScript, the report page's own form opens
// in a dialog over the thread and posts as it does on its page; without JavaScript, or when anything
// here fails, the link stays a plain link to that page.
(function () {
  'use strict';
  if (typeof HTMLDialogElement !== 'function' || !window.fetch || !window.DOMParser) {
    return;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.comment-report-link') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    fetch(link.href, { credentials: 'omit' }).then(function (response) {
      if (!response.ok) {
        throw new Error('report page answered ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var form = page.getElementById('reportform');
      if (!form) {
        throw new Error('no report form');
      }
      var old = document.getElementById('report-dialog');
      if (old) {
        old.remove();
      }
      var dialog = document.createElement('dialog');
      dialog.id = 'report-dialog';
      dialog.className = 'report-dialog';
      dialog.setAttribute('aria-labelledby', 'report-dialog-title');
      var title = document.createElement('h2');
      title.id = 'report-dialog-title';
      // the page's own words, in its language
      title.textContent = page.getElementById('report-title').textContent;
      var cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.id = 'report-dialog-cancel';
      cancel.className = 'action';
      cancel.textContent = form.getAttribute('data-cancel');
      cancel.addEventListener('click', function () { dialog.close(); });
      dialog.addEventListener('close', function () { dialog.remove(); link.focus(); });
      dialog.appendChild(title);
      dialog.appendChild(document.importNode(form, true));
      dialog.appendChild(cancel);
      document.body.appendChild(dialog);
      dialog.showModal();
    }).catch(function () {
      window.location.href = link.href;
    });
  });
})();
