// Moderato's comments on a page Moderato does not serve. The page adds
//   <div id="moderato-thread" data-page-id="optional"></div>
//   <script src="https://comments.example.org/embed.js" async></script>
// Plain JavaScript, no framework, no request to anyone but the Moderato that served this file, no
// cookie, and nothing stored unless the reader ticks "Save my name...". The markup is WordPress's
// (ids and classes), so the site's theme styles it. Works under a strict Content-Security-Policy that
// allows this script's origin for script-src, connect-src and img-src: no inline script or style.
(function () {
  'use strict';
  var root = document.getElementById('moderato-thread');
  if (!root) { return; }
  var script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  var api = new URL('api/v1/', script.src).href;
  var STORE = 'moderato-commenter';
  var FIELDS = ['comment', 'author', 'email', 'url'];
  var canonical = document.querySelector('link[rel="canonical"]');
  var page = {
    id: root.getAttribute('data-page-id') || null,
    url: canonical ? canonical.href : location.origin + location.pathname,
    title: root.getAttribute('data-title') || document.title
  };
  var state = { thread: null, token: null, tokenAsked: null, page: 1, pending: null };
  // the page's language (data-lang, else the page's own lang): the API answers with the widget's words in it
  var lang = root.getAttribute('data-lang') || document.documentElement.lang || '';
  var T = {};
  function t(key, arg) { return (T[key] || key).replace('{0}', arg); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; } else { node.setAttribute(name, value === true ? '' : value); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function call(method, path, body) {
    return fetch(api + path + (lang ? (path.indexOf('?') < 0 ? '?' : '&') + 'lang=' + encodeURIComponent(lang) : ''), {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
      cache: 'no-store'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, json: json };
      });
    });
  }

  function pageQuery() {
    return 'pages?' + (page.id ? 'id=' + encodeURIComponent(page.id) : 'url=' + encodeURIComponent(page.url));
  }

  function load(number) {
    var path = state.pending ? 'threads/' + state.thread + '/pending/' + state.pending.id + '?hash=' + encodeURIComponent(state.pending.hash)
      : state.thread ? 'threads/' + state.thread + '?page=' + number : pageQuery() + '&page=' + number;
    return call('GET', path).then(function (answer) {
      if (answer.status === 404 && state.pending) {
        // approved at once, or the preview has expired: the thread as everyone sees it
        state.pending = null;
        return load(number);
      }
      if (answer.status !== 200) {
        root.replaceChildren(el('p', { 'class': 'no-comments', text: answer.json.error || T['embed.loadFailed'] || 'Comments could not be loaded.' }));
        return null;
      }
      T = answer.json.texts || T;
      state.thread = answer.json.id;
      state.page = answer.json.page;
      render(answer.json);
      return answer.json;
    }, function () {
      // refused by the browser (this origin is not allowed) or Moderato unreachable: nothing to show
      root.replaceChildren(el('p', { 'class': 'no-comments', text: T['embed.loadFailed'] || 'Comments could not be loaded.' }));
      return null;
    });
  }

  function render(thread) {
    var form = document.getElementById('respond');
    var kept = form && root.contains(form) ? form : null;
    var area = el('div', { id: 'comments', 'class': 'comments-area' }, [
      el('h2', { id: 'comments-title', 'class': 'comments-title', tabindex: '-1', text: thread.count === 1 ? t('replies.one') : t('replies.other', thread.count) })
    ]);
    if (state.pending) {
      area.appendChild(el('p', { id: 'moderation-notice', 'class': 'notice', role: 'status', text: t('comments.pending') }));
    }
    [navigation(thread), list(thread), navigation(thread)].forEach(function (part) { if (part) { area.appendChild(part); } });
    var children = [area];
    if (!thread.commentsOpen) {
      children.push(el('p', { id: 'comments-closed', 'class': 'no-comments', text: t('comments.closed') }));
    } else {
      children.push(kept || respond(thread));
    }
    root.replaceChildren.apply(root, children);
    if (kept) { cancelReply(); }
  }

  function list(thread) {
    var top = el('ol', { 'class': 'comment-list' });
    var open = [top];
    var threadIndex = 0;
    thread.comments.forEach(function (c, i) {
      var next = thread.comments[i + 1];
      var classes = ['comment'];
      if (c.staff) { classes.push('byuser comment-by-staff'); }
      classes.push(i % 2 === 0 ? 'even' : 'odd alt');
      if (c.depth === 1) { classes.push(threadIndex++ % 2 === 0 ? 'thread-even' : 'thread-odd thread-alt'); }
      classes.push('depth-' + c.depth);
      if (next && next.depth > c.depth) { classes.push('parent'); }
      if (c.pending) { classes.push('comment-pending'); }
      while (open.length > c.depth) { open.pop(); }
      var item = el('li', { id: 'comment-' + c.id, 'class': classes.join(' '), 'data-depth': c.depth }, [body(c, thread)]);
      open[open.length - 1].appendChild(item);
      if (next && next.depth > c.depth) {
        var children = el('ol', { 'class': 'children' });
        item.appendChild(children);
        open.push(children);
      }
    });
    return top;
  }

  function body(c, thread) {
    var name = c.website ? el('a', { href: c.website, rel: 'external nofollow ugc noopener', 'class': 'url', text: c.author })
      : document.createTextNode(c.author);
    var date = new Date(c.createdAt);
    var content = el('div', { 'class': 'comment-content' });
    // the server's rendering of the comment: escaped text with paragraphs, the same HTML its own page shows
    content.innerHTML = c.html;
    return el('article', { id: 'div-comment-' + c.id, 'class': 'comment-body', 'aria-label': t('comment.by', c.author) }, [
      el('footer', { 'class': 'comment-meta' }, [
        el('div', { 'class': 'comment-author vcard' }, [
          el('img', { 'class': 'avatar', src: c.avatar, alt: '', width: 40, height: 40 }),
          el('b', { 'class': 'fn' }, [name]),
          el('span', { 'class': 'says', text: ' ' + t('comment.says') }),
          c.staff ? el('span', { 'class': 'comment-staff', text: ' ' + t('comment.staff') }) : null
        ]),
        el('div', { 'class': 'comment-metadata' }, [
          el('time', { datetime: c.createdAt, text: date.toLocaleString(lang || undefined) }),
          // the report page on Moderato itself (no script needed there), in a tab of its own
          c.pending ? null : el('span', { 'class': 'report-link' }, [document.createTextNode(' '), el('a', { rel: 'nofollow noopener',
            'class': 'comment-report-link', target: '_blank', href: new URL('../../report?comment=' + c.id + (lang ? '&lang=' + encodeURIComponent(lang) : ''), api).href,
            'aria-label': t('comment.reportLabel', c.author), text: t('comment.report') })])
        ]),
        c.pending ? el('p', { 'class': 'comment-awaiting-moderation',
          text: t('comment.preview') }) : null
      ]),
      content,
      !c.pending && thread.commentsOpen && c.depth < thread.threadDepth ? el('div', { 'class': 'reply' }, [
        el('button', { type: 'button', 'class': 'comment-reply-link', 'data-commentid': c.id, 'data-author': c.author,
          'aria-label': t('comment.replyTo', c.author), text: t('comment.reply') })
      ]) : null
    ]);
  }

  function navigation(thread) {
    if (thread.pageCount < 2) { return null; }
    var nav = el('nav', { 'class': 'comment-navigation', 'aria-label': t('comments.pages') });
    for (var n = 1; n <= thread.pageCount; n++) {
      nav.appendChild(n === thread.page ? el('span', { 'class': 'page-numbers current', 'aria-current': 'page', text: n })
        : el('button', { type: 'button', 'class': 'page-numbers', 'data-page': n, text: n }));
      nav.appendChild(document.createTextNode(' '));
    }
    return nav;
  }

  function field(name, label, type, required, extra) {
    var input = type === 'textarea' ? el('textarea', { id: name, name: name, rows: 8, cols: 45, required: required, 'aria-describedby': name + '-error' })
      : el('input', { id: name, name: name, type: type, size: 30, maxlength: extra.max, autocomplete: extra.auto, required: required,
        'aria-describedby': (extra.notes ? extra.notes + ' ' : '') + name + '-error' });
    return el('p', { 'class': 'comment-form-' + name }, [
      el('label', { 'for': name }, [document.createTextNode(label), required ? el('span', { 'class': 'required', text: ' *' }) : null]),
      input,
      el('span', { id: name + '-error', 'class': 'field-error' })
    ]);
  }

  function notifyBox(name, label) {
    return el('p', { 'class': 'comment-subscription-form' }, [
      el('input', { id: name, name: name, type: 'checkbox', value: 'yes' }),
      el('label', { 'for': name, text: ' ' + label })
    ]);
  }

  function respond(thread) {
    var required = thread.nameAndEmailRequired;
    var form = el('form', { id: 'commentform', 'class': 'comment-form', novalidate: true }, [
      el('ul', { id: 'form-errors', 'class': 'form-errors', role: 'alert', hidden: true }),
      el('p', { 'class': 'comment-notes' }, [
        el('span', { id: 'email-notes', text: t('form.notes') + ' ' }),
        el('span', { 'class': 'required-field-message' }, [document.createTextNode(t('form.required') + ' '), el('span', { 'class': 'required', text: '*' })])
      ]),
      field('comment', t('form.comment'), 'textarea', true, {}),
      field('author', t('form.name'), 'text', required, { max: 245, auto: 'name' }),
      field('email', t('form.email'), 'email', required, { max: 100, auto: 'email', notes: 'email-notes' }),
      field('url', t('form.website'), 'url', false, { max: 200, auto: 'url' }),
      el('p', { 'class': 'comment-form-extra', 'aria-hidden': 'true', hidden: true }, [
        el('label', { 'for': 'comment_extra', text: t('form.honeypot') }),
        el('input', { type: 'text', id: 'comment_extra', name: 'comment_extra', tabindex: '-1', autocomplete: 'off' })
      ]),
      el('p', { 'class': 'comment-form-cookies-consent' }, [
        el('input', { id: 'wp-comment-cookies-consent', name: 'wp-comment-cookies-consent', type: 'checkbox', value: 'yes' }),
        el('label', { 'for': 'wp-comment-cookies-consent', text: ' ' + t('form.cookies') })
      ]),
      // the article page's two boxes, only when the server sends mail; "thread" wins when both are ticked, as there
      thread.followUps ? notifyBox('subscribe_thread', t('form.notifyThread')) : null,
      thread.followUps ? notifyBox('subscribe_replies', t('form.notifyReplies')) : null,
      el('input', { type: 'hidden', id: 'comment_parent', name: 'comment_parent', value: '' }),
      el('p', { 'class': 'form-submit' }, [el('input', { type: 'submit', id: 'submit', name: 'submit', value: t('form.submit'), 'class': 'submit' })])
    ]);
    var box = el('div', { id: 'respond', 'class': 'comment-respond' }, [
      el('h3', { id: 'reply-title', 'class': 'comment-reply-title' }, [
        el('span', { id: 'reply-title-text', text: t('form.title') }), document.createTextNode(' '),
        el('small', {}, [el('button', { type: 'button', id: 'cancel-comment-reply-link', hidden: true, text: t('form.cancel') })])
      ]),
      form
    ]);
    var remembered = recall();
    if (remembered) {
      ['author', 'email', 'url'].forEach(function (name) { form.elements[name].value = remembered[name] || ''; });
      form.elements['wp-comment-cookies-consent'].checked = true;
    }
    form.addEventListener('focusin', ensureToken);
    form.addEventListener('submit', submit);
    return box;
  }

  // the single-use token is asked for when the reader starts on the form: it must be a few seconds old when sent
  function ensureToken() {
    if (!state.tokenAsked) {
      var ask = state.thread ? { thread: state.thread } : { id: page.id, url: page.url, title: page.title };
      state.tokenAsked = call('POST', 'form-tokens', ask).then(function (answer) {
        if (answer.status !== 200) { state.tokenAsked = null; throw answer; }
        state.thread = answer.json.thread;
        state.token = answer.json.token;
        return answer.json.token;
      });
    }
    return state.tokenAsked;
  }

  function recall() {
    try { return JSON.parse(localStorage.getItem(STORE)); } catch (e) { return null; }
  }

  function remember(form, returning) {
    try {
      if (form.elements['wp-comment-cookies-consent'].checked) {
        localStorage.setItem(STORE, JSON.stringify({ author: form.elements.author.value, email: form.elements.email.value,
          url: form.elements.url.value, returning: returning || (recall() || {}).returning || null }));
      } else {
        localStorage.removeItem(STORE);
      }
    } catch (e) { /* storage refused by the browser: nothing is remembered */ }
  }

  function showErrors(form, answer) {
    var list = document.getElementById('form-errors');
    var fields = (answer.json && answer.json.fields) || {};
    var first = null;
    FIELDS.forEach(function (name) {
      var message = fields[name] || '';
      document.getElementById(name + '-error').textContent = message;
      form.elements[name].setAttribute('aria-invalid', message ? 'true' : 'false');
      if (message && !first) { first = form.elements[name]; }
    });
    var general = answer.json && answer.json.error;
    list.replaceChildren();
    if (general || (!first && answer.status)) {
      list.appendChild(el('li', { text: general || t('embed.postFailed') }));
    }
    list.hidden = !list.firstChild;
    (first || form.elements.comment).focus();
  }

  function notify(form) {
    var thread = form.elements.subscribe_thread, replies = form.elements.subscribe_replies;
    return thread && thread.checked ? 'thread' : replies && replies.checked ? 'replies' : null;
  }

  function submit(event) {
    event.preventDefault();
    var form = event.target;
    var button = form.elements.submit;
    button.disabled = true;
    ensureToken().then(function (token) {
      var stored = recall();
      return call('POST', 'threads/' + state.thread + '/comments', {
        author: form.elements.author.value, email: form.elements.email.value, url: form.elements.url.value,
        comment: form.elements.comment.value, parent: form.elements.comment_parent.value ? Number(form.elements.comment_parent.value) : null,
        extra: form.elements.comment_extra.value, token: token, returning: stored && stored.returning, notify: notify(form)
      });
    }).then(function (answer) {
      // a sent token is spent, whatever the answer: the next try asks for a new one
      state.tokenAsked = null;
      if (answer.status !== 201) { throw answer; }
      remember(form, answer.json.returning);
      state.pending = { id: answer.json.id, hash: answer.json.preview };
      form.elements.comment.value = '';
      ['subscribe_thread', 'subscribe_replies'].forEach(function (name) { if (form.elements[name]) { form.elements[name].checked = false; } });
      showErrors(form, { json: {} });
      return load(1).then(function () {
        var own = document.getElementById('comment-' + answer.json.id);
        if (own) { own.setAttribute('tabindex', '-1'); own.focus(); }
      });
    }).catch(function (answer) {
      showErrors(form, answer && answer.json ? answer : { status: 0, json: { error: t('embed.unreachable') } });
    }).then(function () { button.disabled = false; });
  }

  function cancelReply() {
    var box = document.getElementById('respond');
    var area = document.getElementById('comments');
    if (!box) { return; }
    document.getElementById('comment_parent').value = '';
    document.getElementById('reply-title-text').textContent = t('form.title');
    document.getElementById('cancel-comment-reply-link').hidden = true;
    if (area && area.nextSibling !== box) { area.after(box); }
  }

  root.addEventListener('click', function (event) {
    var reply = event.target.closest('.comment-reply-link');
    var pageLink = event.target.closest('[data-page]');
    if (reply) {
      var id = reply.getAttribute('data-commentid');
      document.getElementById('div-comment-' + id).after(document.getElementById('respond'));
      document.getElementById('comment_parent').value = id;
      document.getElementById('reply-title-text').textContent = t('form.titleTo', reply.getAttribute('data-author'));
      document.getElementById('cancel-comment-reply-link').hidden = false;
      document.getElementById('comment').focus();
    } else if (event.target.id === 'cancel-comment-reply-link') {
      cancelReply();
      document.getElementById('comment').focus();
    } else if (pageLink) {
      state.pending = null;
      load(Number(pageLink.getAttribute('data-page'))).then(function () { document.getElementById('comments-title').focus(); });
    }
  });

  load(1);
}());
