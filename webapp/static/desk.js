/*
 * Keyboard shortcuts for the moderation queue (WordPress's keys): j/k move, a approve, u unapprove,
 * s spam, d trash, r reply, x select, z undo, ? shows the keys. Every key presses a button or ticks a
 * box that is already on the page, so the queue works the same without this script.
 */
(function () {
  'use strict';

  var STORE = 'moderato.desk.row';
  var ACTIONS = { a: '.action-approve', u: '.action-unapprove', s: '.action-spam', d: '.action-trash', r: '.action-reply' };

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#queue > li.queued-comment'));
  }

  function currentIndex() {
    return rows().findIndex(function (row) { return row.classList.contains('is-current'); });
  }

  function select(index, scroll) {
    var all = rows();
    if (all.length === 0) {
      return;
    }
    index = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) {
      row.classList.toggle('is-current', i === index);
      if (i === index) {
        row.setAttribute('aria-current', 'true');
      } else {
        row.removeAttribute('aria-current');
      }
    });
    if (scroll) {
      all[index].scrollIntoView({ block: 'nearest' });
      all[index].focus({ preventScroll: true });
    }
  }

  /** Presses a button of the current comment; after the page comes back, the same position is current again. */
  function press(selector) {
    var index = currentIndex();
    var row = rows()[index];
    var button = row && row.querySelector(selector);
    if (!button) {
      return false;
    }
    sessionStorage.setItem(STORE, location.pathname + location.search + '#' + index);
    button.click();
    return true;
  }

  function toggleHelp(open) {
    var help = document.getElementById('keyboard-help');
    if (help) {
      help.open = open === undefined ? !help.open : open;
    }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var key = event.key;
    var handled = true;
    if (key === 'j') {
      select(currentIndex() + 1, true);
    } else if (key === 'k') {
      select(currentIndex() - 1, true);
    } else if (ACTIONS[key]) {
      handled = press(ACTIONS[key]);
    } else if (key === 'x') {
      var row = rows()[currentIndex()];
      var box = row && row.querySelector('input.queued-select');
      if (box) {
        box.checked = !box.checked;
      }
    } else if (key === 'z') {
      var undo = document.getElementById('undo');
      if (undo) {
        sessionStorage.setItem(STORE, location.pathname + location.search + '#' + currentIndex());
        undo.click();
      }
    } else if (key === '?') {
      toggleHelp();
    } else if (key === 'Escape') {
      toggleHelp(false);
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  }

  /** "Select all on this page" ticks (or unticks) the boxes here instead of loading the page again. */
  function onSelectAll(event) {
    var boxes = Array.prototype.slice.call(document.querySelectorAll('#queue input.queued-select'));
    var tick = boxes.some(function (box) { return !box.checked; });
    boxes.forEach(function (box) { box.checked = tick; });
    event.preventDefault();
  }

  function start() {
    var saved = sessionStorage.getItem(STORE);
    sessionStorage.removeItem(STORE);
    var index = 0;
    if (saved) {
      var hash = saved.lastIndexOf('#');
      if (saved.substring(0, hash) === location.pathname + location.search) {
        index = parseInt(saved.substring(hash + 1), 10) || 0;
      }
    }
    select(index, false);
    document.addEventListener('keydown', onKey);
    var selectAll = document.getElementById('select-all');
    if (selectAll) {
      selectAll.addEventListener('click', onSelectAll);
    }
    document.documentElement.classList.add('desk-keys');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
