// The comment form's conveniences. Everything works without this file: reply links reload the page
// with the form under the comment, and nothing is remembered.
(function () {
  'use strict';
  var respond = document.getElementById('respond');
  if (!respond) { return; }
  var form = document.getElementById('commentform');
  var parentField = document.getElementById('comment_parent');
  var cancel = document.getElementById('cancel-comment-reply-link');
  var home = document.createElement('div');
  home.id = 'respond-home';
  respond.parentNode.insertBefore(home, respond);

  // Replies: move the form under the comment instead of reloading the page.
  function replyTo(link) {
    // inside the comment's li, after its body and before its replies, where WordPress's comment-reply.js puts it
    document.getElementById('div-comment-' + link.getAttribute('data-commentid')).after(respond);
    parentField.value = link.getAttribute('data-commentid');
    var title = document.getElementById('reply-title');
    setHeading(title.getAttribute('data-title-to').replace('{0}', link.getAttribute('data-author')));
    cancel.classList.remove('hidden');
    document.getElementById('comment').focus();
  }
  function setHeading(text) {
    document.getElementById('reply-title-text').textContent = text;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest('.comment-reply-link');
    if (link) { event.preventDefault(); replyTo(link); return; }
    if (event.target === cancel && !/[?&]replytocom=/.test(location.search)) {
      event.preventDefault();
      home.after(respond);
      parentField.value = '';
      setHeading(document.getElementById('reply-title').getAttribute('data-title'));
      cancel.classList.add('hidden');
    }
  });

  // "Save my name, email, and website": cookies in the reader's own browser, filled in here, so the
  // page itself is the same for everyone and can be cached.
  var remembered = { author: 'comment_author', email: 'comment_author_email', url: 'comment_author_url' };
  var consent = document.getElementById('wp-comment-cookies-consent');
  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }
  var anyRemembered = false;
  Object.keys(remembered).forEach(function (id) {
    var value = cookie(remembered[id]);
    var field = document.getElementById(id);
    if (value !== null && field && !field.value) { field.value = value; anyRemembered = true; }
  });
  if (anyRemembered && consent) { consent.checked = true; }
  form.addEventListener('submit', function () {
    var secure = location.protocol === 'https:' ? '; Secure' : '';
    Object.keys(remembered).forEach(function (id) {
      var field = document.getElementById(id);
      var value = consent && consent.checked && field ? encodeURIComponent(field.value) : '';
      var age = consent && consent.checked ? 365 * 24 * 3600 : 0;
      document.cookie = remembered[id] + '=' + value + '; Max-Age=' + age + '; Path=/; SameSite=Lax' + secure;
    });
  });

  // After a refused post, take the reader to the first field that needs attention.
  var firstError = form.querySelector('.field-error:not(:empty)');
  if (firstError) {
    var input = document.querySelector('[aria-describedby~="' + firstError.id + '"]');
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  }
})();
