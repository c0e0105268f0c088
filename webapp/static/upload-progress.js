// Shows how far an upload has got on forms marked with a #import-progress block. Without this
// script the form posts as usual; with it, the same post goes through XMLHttpRequest so the
// browser can report progress, and the answer replaces the page just as a normal post would.
(function () {
  var form = document.getElementById('importform');
  var box = document.getElementById('import-progress');
  if (!form || !box || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var bar = document.getElementById('upload-progress');
  var text = document.getElementById('progress-text');
  form.addEventListener('submit', function (event) {
    var button = event.submitter || document.getElementById('import');
    var data = new FormData(form);
    if (button && button.name) {
      data.append(button.name, button.value);
    }
    event.preventDefault();
    box.hidden = false;
    if (button) {
      button.disabled = true;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        var percent = Math.floor(e.loaded * 100 / e.total);
        bar.value = percent;
        text.textContent = 'Uploading: ' + percent + ' %';
      }
    };
    xhr.upload.onload = function () {
      bar.removeAttribute('value');
      text.textContent = 'Uploaded. Importing posts and comments\u2026';
    };
    xhr.onload = function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    };
    xhr.onerror = function () {
      text.textContent = 'The upload failed: the server could not be reached. Nothing was imported.';
      if (button) {
        button.disabled = false;
      }
    };
    xhr.send(data);
  });
})();
