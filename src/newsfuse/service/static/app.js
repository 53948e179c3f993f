"use strict";
// The newsfuse page.  Articles are untrusted: every piece of text from them (or from the API)
// enters the page as a text node or an attribute value, never as markup.

const $ = (id) => document.getElementById(id);
const state = { result: null, limits: null };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  let data;
  try {
    data = await response.json();
  } catch {
    data = { error: `${response.status} ${response.statusText}` };
  }
  if (!response.ok) throw new Error(data.error || `request failed (${response.status})`);
  return data;
}

function setStatus(id, message, kind = "") {
  const status = $(id);
  status.textContent = message;
  status.className = `status ${kind}`;
}

const plural = (count, word, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;
const safeUrl = (url) => (/^https?:\/\//i.test(url || "") ? url : null);

// ---- articles ---------------------------------------------------------------------------

function looksLikeHtml(name, text) {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return /\.html?$/i.test(name) || head.startsWith("<!doctype html") || head.startsWith("<html")
    || head.includes("<body") || head.includes("<p>");
}

function addArticle(name = "", text = "") {
  const nameInput = el("input", { type: "text", class: "article-name", placeholder: "name (optional)", "aria-label": "article name" });
  nameInput.value = name;
  const body = el("textarea", { class: "article-text", rows: "7", placeholder: "Paste the article: plain text or HTML", "aria-label": "article text" });
  body.value = text;
  const card = el("div", { class: "article" },
    el("div", { class: "article-head" },
      nameInput,
      el("button", { type: "button", class: "remove", title: "Remove this article", "aria-label": "remove article",
        onclick: () => { card.remove(); updateHint(); } }, "×")),
    body);
  $("articles").append(card);
  updateHint();
  return card;
}

function articleCards() {
  return [...$("articles").querySelectorAll(".article")];
}

function clearEmptyArticles() {
  for (const card of articleCards()) {
    if (!card.querySelector(".article-text").value.trim()) card.remove();
  }
}

function updateHint() {
  $("drop-hint").hidden = articleCards().length > 0;
}

function articlesPayload() {
  return articleCards().flatMap((card) => {
    const name = card.querySelector(".article-name").value.trim();
    const text = card.querySelector(".article-text").value;
    if (!text.trim()) return [];
    const article = { [looksLikeHtml(name, text) ? "html" : "text"]: text };
    if (name) article.id = name;
    return [article];
  });
}

async function loadExample() {
  try {
    const example = await api("/example");
    for (const card of articleCards()) card.remove();
    for (const file of example.documents) addArticle(file.name, file.text);
    setStatus("status", `Loaded the built-in example: ${plural(example.documents.length, "article")}.`);
  } catch (error) {
    setStatus("status", error.message, "error");
  }
}

async function addFiles(files) {
  clearEmptyArticles();
  for (const file of files) addArticle(file.name, await file.text());
  setStatus("status", `Added ${plural(files.length, "file")}.`);
}

// ---- summary ----------------------------------------------------------------------------

async function summarize() {
  const documents = articlesPayload();
  if (!documents.length) {
    setStatus("status", "Add at least one article first (or load the example).", "error");
    return;
  }
  const button = $("summarize");
  button.disabled = true;
  setStatus("status", `Summarizing ${plural(documents.length, "article")}…`);
  try {
    const result = await api("/summarize", {
      documents,
      words: Number($("words").value) || 120,
      method: $("method").value || undefined,
    });
    renderResult(result);
    setStatus("status", "");
  } catch (error) {
    setStatus("status", error.message, "error");
  } finally {
    button.disabled = false;
  }
}

function renderResult(result) {
  state.result = result;
  $("result").hidden = false;
  $("summary-meta").textContent = `${result.words} words · ${result.method} · ${plural(result.documents.length, "article")}`;
  const summary = $("summary");
  summary.replaceChildren();
  if (!result.sentences.length) {
    summary.append(el("p", { class: "empty" }, "No summary: the articles have no usable sentences."));
  }
  result.sentences.forEach((sentence, index) => summary.append(renderSentence(sentence, index)));
  $("document-tabs").replaceChildren(...result.documents.map((item, index) =>
    el("button", { type: "button", class: "document-tab", role: "tab", dataset: { document: index },
      onclick: () => showDocument(index) },
      el("span", { class: "number" }, `[${index + 1}]`), " ", item.outlet || `document ${index + 1}`)));
  $("facts").replaceChildren(...renderFacts(result.facts));
  $("document-header").replaceChildren();
  $("document-text").replaceChildren();
  const first = result.sentences.length ? result.sentences[0].citations[0].document : 0;
  if (result.documents.length) showDocument(first);
}

function renderSentence(sentence, index) {
  const outlets = [...new Set(sentence.citations.map((citation) => citation.outlet))];
  return el("p", { class: "sentence", dataset: { sentence: index } },
    el("span", { class: "sentence-text" }, sentence.text),
    " ",
    sentence.citations.map((citation, position) =>
      el("button", { type: "button", class: position === 0 ? "cite source" : "cite",
        title: `${position === 0 ? "Source" : "Also reported by"}: ${citation.outlet}, sentence ${citation.sentence + 1}`,
        dataset: { sentence: index, citation: position },
        onclick: () => showCitation(index, position) }, `[${citation.document + 1}]`)),
    " ",
    el("span", { class: sentence.corroboration > 1 ? "corroboration confirmed" : "corroboration",
      title: `Reported by: ${outlets.join(", ")}` },
      sentence.corroboration > 1 ? `${sentence.corroboration} outlets` : "1 outlet"));
}

function clearActive() {
  for (const node of document.querySelectorAll(".active")) node.classList.remove("active");
}

function showCitation(sentenceIndex, position) {
  const citation = state.result.sentences[sentenceIndex].citations[position];
  clearActive();
  document.querySelector(`#summary .cite[data-sentence="${sentenceIndex}"][data-citation="${position}"]`).classList.add("active");
  document.querySelector(`.sentence[data-sentence="${sentenceIndex}"]`).classList.add("active");
  showDocument(citation.document, citation);
}

function showFact(citation, button) {
  clearActive();
  button.classList.add("active");
  showDocument(citation.document, citation);
}

function citedSpans(documentIndex) {
  // Every span of this document that the summary cites, once, in text order.
  const spans = new Map();
  state.result.sentences.forEach((sentence, index) => {
    sentence.citations.forEach((citation, position) => {
      if (citation.document === documentIndex && !spans.has(citation.start)) {
        spans.set(citation.start, { start: citation.start, end: citation.end, summarySentence: index, position });
      }
    });
  });
  return [...spans.values()];
}

function markedSpans(documentIndex, highlight) {
  // The summary's spans plus the one to highlight (a quote or a date may lie inside a sentence).
  const spans = citedSpans(documentIndex).filter((span) =>
    !highlight || span.end <= highlight.start || span.start >= highlight.end
    || (span.start === highlight.start && span.end === highlight.end));
  if (highlight && !spans.some((span) => span.start === highlight.start && span.end === highlight.end)) {
    spans.push({ start: highlight.start, end: highlight.end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function showDocument(index, highlight = null) {
  const documentData = state.result.documents[index];
  for (const tab of document.querySelectorAll(".document-tab")) {
    tab.setAttribute("aria-selected", String(Number(tab.dataset.document) === index));
  }
  const details = [documentData.title, documentData.author, documentData.date].filter(Boolean).join(" · ");
  const url = safeUrl(documentData.url);
  $("document-header").replaceChildren(...[
    el("h3", {}, `[${index + 1}] ${documentData.outlet || `document ${index + 1}`}`),
    details ? el("p", { class: "meta" }, details) : null,
    url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", class: "meta" }, url) : null,
  ].filter(Boolean));
  const text = documentData.text;
  const nodes = [];
  let cursor = 0;
  let marked = null;
  for (const span of markedSpans(index, highlight)) {
    if (span.start < cursor) continue;
    nodes.push(document.createTextNode(text.slice(cursor, span.start)));
    const active = highlight !== null && highlight.start === span.start && highlight.end === span.end;
    const inSummary = span.summarySentence !== undefined;
    const mark = el("mark", {
      class: [inSummary ? "cited" : "", active ? "highlight" : ""].join(" ").trim(),
      title: inSummary ? `In the summary, sentence ${span.summarySentence + 1}` : null,
      onclick: inSummary ? () => showCitation(span.summarySentence, span.position) : null,
    }, text.slice(span.start, span.end));
    if (active) marked = mark;
    nodes.push(mark);
    cursor = span.end;
  }
  nodes.push(document.createTextNode(text.slice(cursor)));
  const container = $("document-text");
  container.replaceChildren(...nodes);
  container.scrollTop = marked ? Math.max(0, marked.offsetTop - container.clientHeight / 3) : 0;
}

// ---- facts ------------------------------------------------------------------------------

function factCitations(citations) {
  return citations.map((citation) =>
    el("button", { type: "button", class: "cite", title: `${citation.outlet}: show where`,
      onclick: (event) => showFact(citation, event.currentTarget) }, `[${citation.document + 1}]`));
}

function outletBadge(outlets) {
  return el("span", { class: outlets.length > 1 ? "corroboration confirmed" : "corroboration", title: outlets.join(", ") },
    plural(outlets.length, "outlet"));
}

function factSection(title, items, render, { listTag = "ul", open = true } = {}) {
  if (!items || !items.length) return null;
  return el("details", { class: "facts", open: open ? "" : null },
    el("summary", {}, el("h3", {}, title, " ", el("span", { class: "meta" }, String(items.length)))),
    el(listTag, {}, items.map((item) => el("li", {}, render(item)))));
}

function renderFacts(facts) {
  if (!facts) return [];
  const entities = [...facts.entities].sort((a, b) => b.mentions - a.mentions).slice(0, 15);
  return [
    factSection("Quotes", facts.quotes, (quote) => [
      el("span", { class: "quote-text" }, `“${quote.text}”`), " — ",
      el("span", { class: quote.speaker ? "speaker" : "speaker unknown" }, quote.speaker || "speaker unknown"), " ",
      factCitations(quote.citations), " ", outletBadge(quote.outlets)]),
    factSection("Timeline", facts.timeline, (event) => [
      el("span", { class: "timeline-date", title: event.expression }, event.value || event.expression),
      el("span", {}, event.text), " ", factCitations([event.citation])], { listTag: "ol" }),
    factSection("Conflicting reports", facts.conflicts, (conflict) => [
      el("span", { class: "speaker" }, conflict.what), ": ",
      conflict.claims.map((claim, index) => [index ? "; " : "", el("strong", {}, claim.value), " ",
        el("span", { class: "meta" }, `(${claim.outlets.join(", ")})`), " ", factCitations(claim.citations)])]),
    factSection("People, organisations and places", entities, (entity) => [
      el("span", { class: "speaker" }, entity.name), " ",
      el("span", { class: "meta" }, `${entity.kind} · ${plural(entity.mentions, "mention")} in ${plural(entity.documents.length, "article")}`)],
    { open: false }),
  ].filter(Boolean);
}

// ---- stories ----------------------------------------------------------------------------

function dayRange(first, last) {
  const [from, to] = [first.slice(0, 10), last.slice(0, 10)];
  return from === to ? from : `${from} – ${to}`;
}

async function loadStories() {
  try {
    const data = await api("/stories?limit=100");
    const shown = data.total > data.stories.length ? `; the ${data.stories.length} most recent are listed` : "";
    setStatus("stories-status", data.total
      ? `${plural(data.total, "story", "stories")} from ${plural(data.articles, "article")}${shown}.`
      : "The store is empty: add the pasted articles, or run newsfuse ingest.");
    $("story-list").replaceChildren(...data.stories.map((story) =>
      el("li", { tabindex: "0", role: "button", dataset: { story: story.id },
        onclick: () => openStory(story.id),
        onkeydown: (event) => { if (event.key === "Enter") openStory(story.id); } },
        el("strong", {}, story.headline),
        el("div", { class: "meta" },
          `${plural(story.articles, "article")}${story.duplicates ? ` + ${plural(story.duplicates, "copy", "copies")}` : ""}`
          + ` · ${dayRange(story.first_seen, story.last_seen)}`),
        el("div", { class: "meta" }, story.outlets.join(", ")))));
  } catch (error) {
    setStatus("stories-status", error.message, "error");
    $("story-list").replaceChildren();
  }
}

async function openStory(id) {
  for (const item of $("story-list").children) item.setAttribute("aria-selected", String(item.dataset.story === String(id)));
  try {
    const words = Number($("words").value) || 120;
    const story = await api(`/stories/${encodeURIComponent(id)}?words=${words}&method=${encodeURIComponent($("method").value)}`);
    const summary = story.summary;
    $("story").replaceChildren(
      el("h2", {}, story.headline),
      el("p", { class: "meta" }, `Story ${story.id} · ${plural(story.articles, "article")} · ${dayRange(story.first_seen, story.last_seen)}`),
      el("div", { class: "summary" }, summary.sentences.map((sentence) => el("p", {}, sentence.text, " ",
        el("span", { class: sentence.corroboration > 1 ? "corroboration confirmed" : "corroboration" }, plural(sentence.corroboration, "outlet"))))),
      el("button", { type: "button", class: "primary", onclick: () => {
        renderResult(summary);
        showView("summarize");
        setStatus("status", `Story ${story.id}: ${story.headline}`);
        $("result").scrollIntoView();
      } }, "Read with sources and facts"),
      el("h3", { class: "members-title" }, "Articles"),
      el("ol", { class: "members" }, story.members.map((member) => el("li", {},
        el("strong", {}, member.outlet || member.external_id), " — ", member.title || member.external_id,
        el("span", { class: "meta" }, ` ${member.published || member.seen.slice(0, 10)}`),
        member.duplicate_of ? el("span", { class: "meta" }, ` (a copy of article ${member.duplicate_of})`) : null))));
  } catch (error) {
    $("story").replaceChildren(el("p", { class: "status error" }, error.message));
  }
}

async function ingest() {
  const documents = articlesPayload();
  if (!documents.length) {
    setStatus("stories-status", "Add articles on the Summarize tab first (or load the example).", "error");
    return;
  }
  try {
    const report = await api("/ingest", { documents });
    await loadStories();
    setStatus("stories-status", `Stored ${plural(report.new, "new article")} (${plural(report.duplicates, "copy", "copies")}, `
      + `${report.skipped} already stored, ${report.empty} empty): ${plural(report.stories_new, "new story", "new stories")}, `
      + `${report.stories_touched} touched.`);
  } catch (error) {
    setStatus("stories-status", error.message, "error");
  }
}

// ---- wiring -----------------------------------------------------------------------------

function showView(name) {
  for (const view of ["summarize", "stories"]) {
    $(`${view}-view`).hidden = view !== name;
    $(`tab-${view}`).setAttribute("aria-selected", String(view === name));
  }
}

async function init() {
  $("load-example").addEventListener("click", loadExample);
  $("add-article").addEventListener("click", () => addArticle().querySelector("textarea").focus());
  $("summarize").addEventListener("click", summarize);
  $("files").addEventListener("change", (event) => addFiles([...event.target.files]));
  $("tab-summarize").addEventListener("click", () => showView("summarize"));
  $("tab-stories").addEventListener("click", () => { showView("stories"); loadStories(); });
  $("refresh-stories").addEventListener("click", loadStories);
  $("ingest").addEventListener("click", ingest);
  const drop = $("articles");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("dragging"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("dragging");
    if (event.dataTransfer.files.length) addFiles([...event.dataTransfer.files]);
  });
  addArticle();
  addArticle();
  try {
    const health = await api("/healthz");
    state.limits = health.limits;
    $("method").replaceChildren(...health.methods.map((method) =>
      el("option", { value: method, selected: method === health.default_method ? "" : null }, method)));
    $("words").max = String(health.limits.max_words);
  } catch (error) {
    setStatus("status", `The service does not answer: ${error.message}`, "error");
  }
}

document.addEventListener("DOMContentLoaded", init);
