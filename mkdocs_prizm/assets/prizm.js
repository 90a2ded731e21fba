/*
 * mkdocs-prizm: citation previews.
 *
 * Focusing or hovering a citation (a.prizm-cite, linked to #prizm-source-N on the same page)
 * shows a copy of that entry's title, type, date and reliability badge in a role="tooltip"
 * bubble; the link is aria-describedby it while it shows.  Escape hides it; so do blur and
 * leaving the link and the bubble with the pointer.  The bubble holds no link or control
 * (a tooltip is never focusable): the entry itself stays one click away.
 *
 * No framework, no network: everything comes from the page.  Events are delegated to the
 * document, so pages loaded by Material's instant navigation work as they come; its
 * document$ observable (when present) only hides a bubble left over from the previous page.
 * Without this script, a citation is a plain link to its entry.
 */
(function () {
  "use strict";

  if (window.__prizmPreview) return;
  window.__prizmPreview = true;

  var SHOW_DELAY = 120; // ms before a hovered citation shows (a pointer passing by does not)
  var HIDE_DELAY = 250; // ms before leaving hides: time to move onto the bubble
  var GAP = 8; // px between the citation and the bubble
  var MARGIN = 8; // px kept from the viewport's edges

  var tip = null; // the bubble element, made once and reused
  var owner = null; // the citation it describes
  var showTimer = 0;
  var hideTimer = 0;

  // Material's instant previews show every link's target already: leave them the place.
  function materialPreviews() {
    var config = document.getElementById("__config");
    if (!config) return false;
    try {
      var features = JSON.parse(config.textContent || "{}").features || [];
      return features.indexOf("navigation.instant.preview") >= 0;
    } catch (error) {
      return false;
    }
  }

  function citationOf(node) {
    return node && node.closest ? node.closest("a.prizm-cite") : null;
  }

  // The entry a citation links to on this page (Material's instant navigation makes every
  // href absolute: the page's own URL with the entry's fragment).
  function entryOf(link) {
    var here = window.location;
    if (!link.hash || link.pathname !== here.pathname || link.search !== here.search) return null;
    var id;
    try {
      id = decodeURIComponent(link.hash.slice(1));
    } catch (error) {
      return null;
    }
    var entry = document.getElementById(id);
    return entry && entry.classList.contains("prizm-source") ? entry : null;
  }

  // A copy without links, ids or tooltips of its own.
  function inert(node) {
    var copy = node.cloneNode(true);
    var all = [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*")));
    all.forEach(function (el) {
      el.removeAttribute("id");
      el.removeAttribute("title");
      if (el.tagName === "A") {
        var span = document.createElement("span");
        while (el.firstChild) span.appendChild(el.firstChild);
        span.className = el.className;
        if (el === copy) copy = span;
        else el.parentNode.replaceChild(span, el);
      }
    });
    return copy;
  }

  function part(entry, selector) {
    var found = entry.querySelector(selector);
    return found ? inert(found) : null;
  }

  function fill(entry) {
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    var raw = part(entry, ".prizm-source__raw");
    var pieces = raw
      ? [raw]
      : [
          part(entry, ".prizm-source__title"),
          part(entry, ".prizm-source__type"),
          part(entry, ".prizm-source__date"),
        ];
    var head = document.createElement("div");
    head.className = "prizm-preview__head";
    pieces.forEach(function (piece) {
      if (piece) head.appendChild(piece);
    });
    tip.appendChild(head);
    var badge = part(entry, ".prizm-badge");
    if (badge) {
      var foot = document.createElement("div");
      foot.className = "prizm-preview__badge";
      foot.appendChild(badge);
      tip.appendChild(foot);
    }
    tip.setAttribute("data-reliability", entry.getAttribute("data-reliability") || "");
  }

  function bubble() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "prizm-preview";
      tip.className = "prizm-preview";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () {
        clearTimeout(hideTimer);
      });
      tip.addEventListener("mouseleave", function () {
        later(hide);
      });
    }
    // Material's instant navigation may swap the body's children: put it back if needed.
    if (!tip.isConnected) document.body.appendChild(tip);
    return tip;
  }

  function place(link) {
    var size = parseFloat(getComputedStyle(link).fontSize) || 16;
    tip.style.fontSize = Math.max(12, Math.round(size * 0.85)) + "px";
    tip.style.left = "0px";
    tip.style.top = "0px";
    tip.classList.remove("prizm-preview--above");
    var width = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    // A citation wrapped over two lines: under its last line, or above its first.
    var rects = link.getClientRects();
    var whole = link.getBoundingClientRect();
    var first = rects.length ? rects[0] : whole;
    var last = rects.length ? rects[rects.length - 1] : whole;
    var box = tip.getBoundingClientRect();
    var at = last;
    var top = last.bottom + GAP;
    if (top + box.height > height - MARGIN && first.top - GAP - box.height >= MARGIN) {
      at = first;
      top = first.top - GAP - box.height;
      tip.classList.add("prizm-preview--above");
    }
    var left = Math.min(Math.max(at.left, MARGIN), Math.max(MARGIN, width - box.width - MARGIN));
    tip.style.left = Math.round(left + window.scrollX) + "px";
    tip.style.top = Math.round(top + window.scrollY) + "px";
  }

  function show(link) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (owner === link && tip && !tip.hidden) return;
    var entry = entryOf(link);
    if (!entry) return;
    hide();
    bubble();
    fill(entry);
    owner = link;
    // A title of the link's own would show a second tooltip: kept aside while this one shows.
    if (link.hasAttribute("title")) {
      link.setAttribute("data-prizm-title", link.getAttribute("title"));
      link.removeAttribute("title");
    }
    var described = link.getAttribute("aria-describedby");
    link.setAttribute("aria-describedby", described ? described + " " + tip.id : tip.id);
    tip.hidden = false;
    place(link);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    var link = owner;
    owner = null;
    if (!link) return;
    var described = (link.getAttribute("aria-describedby") || "")
      .split(/\s+/)
      .filter(function (id) {
        return id && id !== "prizm-preview";
      })
      .join(" ");
    if (described) link.setAttribute("aria-describedby", described);
    else link.removeAttribute("aria-describedby");
    if (link.hasAttribute("data-prizm-title")) {
      link.setAttribute("title", link.getAttribute("data-prizm-title"));
      link.removeAttribute("data-prizm-title");
    }
  }

  function later(action) {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(action, HIDE_DELAY);
  }

  function start() {
    if (materialPreviews()) return;
    document.addEventListener("focusin", function (event) {
      var link = citationOf(event.target);
      if (link) show(link);
      else if (owner) hide();
    });
    document.addEventListener("focusout", function (event) {
      if (citationOf(event.target) === owner) hide();
    });
    document.addEventListener("mouseover", function (event) {
      var link = citationOf(event.target);
      if (!link) return;
      clearTimeout(hideTimer);
      if (link === owner) return;
      clearTimeout(showTimer);
      showTimer = setTimeout(function () {
        show(link);
      }, SHOW_DELAY);
    });
    document.addEventListener("mouseout", function (event) {
      var link = citationOf(event.target);
      if (!link || link.contains(event.relatedTarget)) return;
      clearTimeout(showTimer);
      // Focus keeps it shown: the keyboard user did not leave.
      if (link === owner && document.activeElement !== link) later(hide);
    });
    document.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && owner) hide();
    });
    window.addEventListener("resize", function () {
      if (owner && tip && !tip.hidden) place(owner);
    });
    var material = window.document$;
    if (material && typeof material.subscribe === "function") {
      material.subscribe(function () {
        hide();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
