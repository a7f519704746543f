/* The candidate page: send the resume to POST /v1/analyze and show the MatchReport.
 *
 * Every piece of server data is inserted with textContent / createTextNode, never as HTML,
 * so a resume containing markup shows as text. No external script, no inline script. */
"use strict";

(function () {
  var form = document.getElementById("analyze-form");
  if (!form) { return; }
  var fileInput = document.getElementById("resume-file");
  var jobText = document.getElementById("job-text");
  var dropzone = document.getElementById("dropzone");
  var chosen = document.getElementById("resume-chosen");
  var statusBox = document.getElementById("status");
  var submitButton = document.getElementById("submit");
  var clearButton = document.getElementById("clear");
  var results = document.getElementById("results");
  var resultsBody = document.getElementById("results-body");
  var resultsHeading = document.getElementById("results-heading");

  var maxBytes = parseInt(form.dataset.maxBytes, 10) || 0;
  var maxMb = form.dataset.maxMb || "";
  var maxChars = parseInt(form.dataset.maxChars, 10) || 0;
  var defaultProfile = form.dataset.profile || "ml-engineer";
  var REQUEST_TIMEOUT_MS = 90000;
  var GAPS_SHOWN = 5;
  var STRONG_SECTIONS = ["experience", "projects", "summary"];
  var BAND_NAMES = { strong: "Strong fit.", partial: "Partial fit.", weak: "Weak fit." };

  var readsImages = form.dataset.ocr === "true";  // OCR on the server: photos are read too
  var ACCEPTED = readsImages ? "PDF, DOCX, RTF, TXT, JSON Resume or a photo of the page (PNG, JPEG)"
    : "PDF, DOCX, RTF, TXT or JSON Resume";
  var MESSAGES = {
    no_text_layer: "This PDF looks like a scanned image: it has no text layer, and OCR (reading " +
      "text from pictures) found no text in it or is not available here. Open your resume in your " +
      "word processor and export it as PDF (File, Save as PDF), or upload the DOCX or a TXT file instead.",
    too_large: "This file is larger than the " + maxMb + " MB limit. Save a smaller copy (for " +
      "example without photos or embedded images), or upload your resume as DOCX or TXT.",
    encrypted: "This PDF is password-protected, so it cannot be opened. Save a copy without a " +
      "password (export or print it to PDF again) and upload that.",
    unsupported_format: "This file type cannot be read. Upload your resume as " + ACCEPTED +
      (readsImages ? "." : ". Images (PNG, JPG) and other formats are not supported."),
    corrupt: "This file seems to be damaged and could not be read. Export it again from the " +
      "program you wrote it in and try once more.",
    too_many_pages: "This document has more pages than a resume usually does, more than the " +
      "page limit. Upload just your resume, not a portfolio or a whole application pack.",
    timeout: "Reading this file took too long. Export it again as a simple PDF, or upload the " +
      "DOCX or a TXT version.",
    empty: "No text was found in this file. Check that you chose the right file. If it is a " +
      "scan or a photo, export a text PDF, DOCX, RTF or TXT instead.",
    text_too_long: "The text is too long to analyse. Upload just your resume, and shorten the " +
      "job description if you pasted one.",
    rate_limited: "You have sent many checks in a short time. Please wait a moment and try again.",
    busy: "The server is busy reading other resumes right now. Please try again in a few seconds.",
    invalid_request: "The form was not accepted. Choose a resume file and try again.",
    network: "The server could not be reached. Check your internet connection and try again.",
    no_file: "Choose your resume file first (" + ACCEPTED + ").",
    server: "Something went wrong on our side. Please try again in a minute."
  };

  /* Build an element; string children become text nodes (never parsed as HTML). */
  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === "") { return; }
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function fmt(value, digits) {
    var n = Number(value);
    if (!isFinite(n)) { return "0"; }
    var s = n.toFixed(digits === undefined ? 1 : digits);
    return s.replace(/\.0+$/, "");
  }

  function plural(n, one, many) { return fmt(n) + " " + (Number(n) === 1 ? one : many); }

  /* Show a status line; an error takes keyboard focus (never left on <body> or on the button
   * that was disabled while the request ran), so it is read out and Tab goes on from it. */
  function setStatus(text, kind, code, keepFocus) {
    statusBox.textContent = "";
    statusBox.removeAttribute("data-code");
    if (code) { statusBox.setAttribute("data-code", code); }
    statusBox.className = "status" + (kind ? " status-" + kind : "");
    if (!text) { return; }
    if (kind === "error") {
      statusBox.appendChild(el("p", "status-title", ["We could not check this resume"]));
    }
    statusBox.appendChild(el("p", null, [text]));
    if (kind === "error" && !keepFocus) { statusBox.focus(); }
  }

  /* A new file (chosen or dropped): the previous result and message no longer apply. */
  function fileChanged() {
    showChosen();
    setStatus("", null);
    clearResult();
  }

  function clearResult() {
    resultsBody.textContent = "";
    results.hidden = true;
  }

  /* The chosen file's name and size, shown once: the file button's own caption is hidden. */
  function showChosen() {
    var file = fileInput.files && fileInput.files[0];
    chosen.textContent = file ? "Selected: " + file.name + " (" + sizeText(file.size) + ")" : "No file chosen yet.";
  }

  function sizeText(bytes) {
    if (bytes >= 1024 * 1024) { return fmt(bytes / (1024 * 1024)) + " MB"; }
    if (bytes >= 1024) { return fmt(bytes / 1024, 0) + " KB"; }
    return bytes + " bytes";
  }

  /* --- drag and drop onto the file input's zone ------------------------------------------ */
  ["dragenter", "dragover"].forEach(function (type) {
    dropzone.addEventListener(type, function (event) {
      event.preventDefault();
      dropzone.classList.add("dragging");
    });
  });
  ["dragleave", "dragend"].forEach(function (type) {
    dropzone.addEventListener(type, function () { dropzone.classList.remove("dragging"); });
  });
  dropzone.addEventListener("drop", function (event) {
    event.preventDefault();
    dropzone.classList.remove("dragging");
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) {
      fileInput.files = files;
      fileChanged();
    }
  });
  fileInput.addEventListener("change", fileChanged);

  clearButton.addEventListener("click", function () {
    form.reset();
    fileChanged();
    fileInput.focus();
  });

  /* --- sending ------------------------------------------------------------------------- */
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = fileInput.files && fileInput.files[0];
    if (!file) {
      setStatus(MESSAGES.no_file, "error", "no_file", true);
      fileInput.focus();
      return;
    }
    if (maxBytes && file.size > maxBytes) {
      setStatus(MESSAGES.too_large, "error", "too_large");
      return;
    }
    var job = jobText.value.trim();
    if (maxChars && job.length > maxChars) {
      setStatus(MESSAGES.text_too_long, "error", "text_too_long");
      return;
    }
    var body = new FormData();
    body.append("file", file, file.name);
    if (job) { body.append("job_text", job); } else { body.append("profile", defaultProfile); }
    send(body);
  });

  function send(body) {
    submitButton.disabled = true;
    form.setAttribute("aria-busy", "true");
    setStatus("Reading your resume…", "busy");
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS) : null;
    fetch("/v1/analyze", {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().then(
        function (data) { return { response: response, data: data }; },
        function () { return { response: response, data: null }; }
      );
    }).then(function (result) {
      if (result.response.ok && result.data && result.data.report) {
        setStatus("", null);
        showReport(result.data.report, result.data.extraction);
      } else {
        showError(result.response, result.data);
      }
    }, function (error) {
      var aborted = error && error.name === "AbortError";
      setStatus(aborted ? MESSAGES.timeout : MESSAGES.network, "error", aborted ? "timeout" : "network");
    }).then(function () {
      if (timer) { clearTimeout(timer); }
      submitButton.disabled = false;
      form.removeAttribute("aria-busy");
    });
  }

  function showError(response, data) {
    var error = data && data.error ? data.error : null;
    var code = error && typeof error.code === "string" ? error.code : "";
    var text = MESSAGES[code];
    if (!text) { text = response.status >= 500 || !error ? MESSAGES.server : String(error.message || MESSAGES.server); }
    if (code === "rate_limited" || code === "busy") {
      var wait = parseInt(response.headers.get("Retry-After") || "", 10);
      if (wait > 0) { text += " You can retry in about " + plural(wait, "second", "seconds") + "."; }
    }
    results.hidden = true;
    setStatus(text, "error", code || "http-" + response.status);
  }

  /* --- the report ---------------------------------------------------------------------- */
  function showReport(report, extraction) {
    var isJob = report.profile_kind === "job";
    var parts = [
      scoreCard(report, isJob),
      missingRequired(report),
      breakdown(report),
      requirements(report),
      gaps(report, isJob),
      matched(report),
      salary(report, isJob),
      warnings(report, extraction),
      versions(report)
    ];
    resultsBody.textContent = "";
    parts.forEach(function (part) { if (part) { resultsBody.appendChild(part); } });
    results.hidden = false;
    resultsHeading.focus();
  }

  function section(title, className, children) {
    return el("section", "block " + (className || ""), [el("h3", null, [title])].concat(children));
  }

  function bar(fraction, label) {
    var outer = el("div", "bar", []);
    outer.setAttribute("aria-hidden", "true");
    var inner = el("div", "bar-fill", []);
    inner.style.width = Math.max(0, Math.min(100, fraction * 100)).toFixed(1) + "%";
    outer.appendChild(inner);
    if (label) { outer.title = label; }
    return outer;
  }

  function scoreCard(report, isJob) {
    var target = isJob ? "for the job: " + report.profile : "for the " + (form.dataset.profileTitle || report.profile) + " profile";
    var score = el("p", "score", [el("span", "score-num", [fmt(report.score)]), el("span", "score-of", [" / 100"])]);
    score.id = "score";
    var card = el("div", "score-card", [
      score,
      el("p", "score-target", [target]),
      bar(Number(report.score) / 100, null),
      report.band ? el("p", "band band-" + report.band, [el("strong", null, [BAND_NAMES[report.band] || report.band]), report.band_meaning ? " " + report.band_meaning.replace(/^[^:]*:\s*/, "") : ""]) : null
    ]);
    return card;
  }

  function missingRequired(report) {
    var missing = report.missing_required || [];
    if (!missing.length) { return null; }
    var list = el("ul", "inline-list", missing.map(function (label) { return el("li", null, [label]); }));
    return el("div", "notice", [el("p", "notice-title", ["Required, but not shown in your resume:"]), list]);
  }

  function breakdown(report) {
    var groups = report.breakdown || [];
    if (!groups.length) { return null; }
    var list = el("ul", "groups", groups.map(function (group) {
      var weight = Number(group.weight) || 0;
      var earned = Number(group.earned) || 0;
      var words = fmt(earned) + " of " + fmt(weight) + " points";
      return el("li", "group", [
        el("div", "group-head", [el("span", "group-name", [group.name]), el("span", "group-points", [words])]),
        bar(weight ? earned / weight : 0, words)
      ]);
    }));
    return section("Score by area", "breakdown", [list]);
  }

  function requirements(report) {
    var checks = report.requirements || [];
    if (!checks.length) { return null; }
    var list = el("ul", "checks", checks.map(function (check) {
      var state = check.met === true ? "Met" : check.met === false ? "Not met" : "Not stated";
      var cls = check.met === true ? "ok" : check.met === false ? "no" : "unknown";
      return el("li", "check", [
        el("span", "tag tag-" + cls, [state]),
        el("span", "check-label", [check.label]),
        check.detail ? el("span", "check-detail", [check.detail]) : null
      ]);
    }));
    return section("Role, education and experience", "requirements", [list]);
  }

  function gain(points) {
    var n = Number(points) || 0;
    return n > 0 && n < 0.05 ? "under 0.1 points" : "+" + fmt(n) + " points";
  }

  function gaps(report, isJob) {
    var items = report.gaps || [];
    if (!items.length) {
      return section("What to work on", "gaps", [el("p", null, ["Nothing is missing: your resume shows every skill this role asks for."])]);
    }
    var list = el("ol", "gap-list", items.map(function (gap, index) {
      var head = el("div", "item-head", [
        el("span", "item-label", [gap.label]),
        el("span", "tag tag-" + (gap.importance === "required" ? "required" : "preferred"), [gap.importance]),
        gap.partial ? el("span", "tag tag-unknown", ["partly shown"]) : null,
        el("span", "gain", [gain(gap.gain)])
      ]);
      var body = [head];
      if (gap.why && gap.why.text) {
        body.push(el("p", "why", [el("span", "k", [isJob ? "The posting says: " : "Why it matters: "]), el("q", null, [gap.why.text])]));
      }
      if (gap.closest) {
        body.push(el("p", "closest", [el("span", "k", ["Closest you have: "]), gap.closest]));
      }
      if (gap.next_step) {
        body.push(el("p", "next", [el("span", "k", ["Next step: "]), gap.next_step]));
      }
      var li = el("li", "gap", body);
      li.hidden = index >= GAPS_SHOWN;
      return li;
    }));
    list.id = "gap-list";
    var children = [list];
    if (items.length > GAPS_SHOWN) {
      children.push(toggle(list, items.length));
    }
    return section("What to work on, biggest gain first", "gaps", children);
  }

  /* A button that shows the gaps past the first GAPS_SHOWN, and hides them again. */
  function toggle(list, total) {
    var button = el("button", "secondary more", ["Show all " + total + " gaps"]);
    button.type = "button";
    button.setAttribute("aria-controls", list.id);
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      Array.prototype.forEach.call(list.children, function (li, index) {
        li.hidden = !open && index >= GAPS_SHOWN;
      });
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? "Show only the top " + GAPS_SHOWN : "Show all " + total + " gaps";
    });
    return button;
  }

  function where(evidence) {
    var bits = [];
    if (evidence.section) {
      var name = String(evidence.section);
      bits.push(name.charAt(0).toUpperCase() + name.slice(1) + " section");
    }
    if (evidence.page) { bits.push("page " + evidence.page); }
    return bits.join(", ");
  }

  /* The line that proves a skill best: a sentence about work beats a line of the skills list. */
  function bestEvidence(list) {
    var usable = list.filter(function (e) { return !e.negated; });
    var strong = usable.filter(function (e) { return STRONG_SECTIONS.indexOf(e.section) >= 0; });
    return strong[0] || usable[0] || null;
  }

  function matched(report) {
    var items = report.matched || [];
    if (!items.length) {
      return section("Skills your resume shows", "matched", [el("p", null, ["None of the skills this role asks for were found."])]);
    }
    var list = el("ul", "match-list", items.map(function (item) {
      var body = [el("div", "item-head", [
        el("span", "item-label", [item.label]),
        item.how ? el("span", "how", [item.how]) : null,
        el("span", "gain", [gain(item.points)])
      ])];
      var evidence = bestEvidence(item.evidence || []);
      if (evidence) {
        var line = evidence.line || evidence.text;
        var quote = el("blockquote", "evidence", [line]);
        var place = where(evidence);
        body.push(el("figure", "proof", [quote, el("figcaption", null, ["From your resume" + (place ? " (" + place + ")" : "")])]));
      }
      return el("li", "match", body);
    }));
    return section("Skills your resume shows (" + items.length + ")", "matched", [list]);
  }

  function salary(report, isJob) {
    if (isJob) { return null; }
    var years = report.experience ? report.experience.total_years : null;
    var band = report.salary_band;
    if (!band) {
      if (years === null || years === undefined) {
        return section("Salary guide", "salary", [el("p", null, ["Your years of experience could not be read from the resume, so no salary band is shown. Give each position a start and end date (for example 03/2021 to 06/2024)."])]);
      }
      return null;
    }
    var dollars = Number(band.annual_usd).toLocaleString("en-US");
    var yearsText = years === null || years === undefined ? "" : "With about " + plural(years, "year", "years") + " of experience, ";
    var sentence = yearsText + "the career guide's band is “" + band.label + "”: about $" + dollars + " a year.";
    var children = [el("p", "salary-line", [sentence])];
    if (band.source) { children.push(el("p", "source", ["Source: " + band.source])); }
    return section("Salary guide", "salary", children);
  }

  function warnings(report, extraction) {
    var notes = (report.warnings || []).slice();
    var docWarnings = extraction && extraction.document && extraction.document.warnings;
    (docWarnings || []).forEach(function (w) { if (notes.indexOf(w) < 0) { notes.push(w); } });
    if (!notes.length) { return null; }
    return section("Notes about this result", "warnings", [el("ul", null, notes.map(function (w) { return el("li", null, [w]); }))]);
  }

  function versions(report) {
    var v = report.versions || {};
    var text = "skillmatch " + (v.skillmatch || "?") + ", taxonomy " + (v.taxonomy || "?") + (v.profile ? ", profile " + v.profile : "");
    return el("p", "versions", [text + ". Nothing you uploaded was stored."]);
  }
}());
