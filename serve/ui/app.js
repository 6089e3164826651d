// FaceChain Studio: the page's behaviour. Every action is one call of the public HTTP API
// (api.js); the page keeps only what this browser session made (the LoRA and style lists are
// re-read from the server, the portraits shown here are the session's gallery for Talk).

import { ApiError, api, apiKey, followJob, setApiKey } from "./api.js";

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** A DOM element: el("div", {class: "x", onclick: f}, child, "text", ...). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const state = {
  loras: [], // [{lora_id, trigger, steps, ...}]
  styles: [],
  gallery: [], // [{src, label}] portraits made in this session: the Talk tab picks from them
  talkPick: null,
};

// -- small helpers ------------------------------------------------------------------------------

function pngUrl(b64) {
  return `data:image/png;base64,${b64}`;
}

function percent(value) {
  return value === null || value === undefined ? "–" : `${Math.round(value * 100)}%`;
}

function seconds(value) {
  if (value === null || value === undefined) return null;
  if (value < 60) return `${Math.round(value)} s`;
  return `${Math.floor(value / 60)} min ${Math.round(value % 60)} s`;
}

function humanReason(reason) {
  return String(reason || "").replaceAll("_", " ");
}

function shortId(id) {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** A form's number field, or undefined when empty. */
function num(form, name) {
  const value = form.elements[name]?.value;
  return value === undefined || value === "" ? undefined : Number(value);
}

function text(form, name) {
  const value = form.elements[name]?.value?.trim();
  return value ? value : undefined;
}

/** Drop undefined entries (the API's defaults apply). */
function defined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

function fileAsDataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function dataUrlBlob(url) {
  return (await fetch(url)).blob();
}

function showError(box, exc) {
  if (!box) return;
  if (!exc) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  if (!(exc instanceof ApiError)) {
    console.error(exc);
    exc = new ApiError(0, "client_error", exc.message || String(exc));
  }
  const lines = [el("strong", {}, exc.message)];
  const meta = [exc.status ? `HTTP ${exc.status}` : null, exc.type, exc.param ? `field: ${exc.param}` : null]
    .filter(Boolean).join(" · ");
  lines.push(el("div", { class: "error-meta" }, meta));
  if (Array.isArray(exc.extra.rejected) && exc.extra.rejected.length) {
    lines.push(el("ul", {}, exc.extra.rejected.map((r) =>
      el("li", {}, el("b", {}, r.source), ` — ${humanReason(r.reason)}: ${r.message}`))));
  }
  if (Array.isArray(exc.extra.details) && exc.extra.details.length > 1) {
    lines.push(el("ul", {}, exc.extra.details.map((d) => el("li", {}, `${d.param}: ${d.message}`))));
  }
  box.replaceChildren(...lines);
  box.hidden = false;
  if (exc.status === 401) $("#auth-banner").hidden = false;
}

function toast(message, kind = "ok") {
  const node = el("div", { class: `toast toast-${kind}` }, message);
  $("#toasts").append(node);
  setTimeout(() => node.classList.add("gone"), 3200);
  setTimeout(() => node.remove(), 3800);
}

/** Run ``work`` with ``button`` disabled and showing a spinner (and ``results``, if given,
 * dimmed under a "working" note); errors go to ``errorBox``. */
async function busy(button, errorBox, work, results = null) {
  showError(errorBox, null);
  button.disabled = true;
  button.classList.add("loading");
  results?.classList.add("pending");
  try {
    return await work();
  } catch (exc) {
    showError(errorBox, exc);
    return undefined;
  } finally {
    button.disabled = false;
    button.classList.remove("loading");
    results?.classList.remove("pending");
  }
}

function download(href, name, label = "Download") {
  return el("a", { class: "btn btn-small btn-ghost", href, download: name }, label);
}

function addToGallery(src, label) {
  state.gallery.unshift({ src, label });
  renderTalkGallery();
}

// -- tabs ---------------------------------------------------------------------------------------

function showTab(name) {
  const tab = $(`.tabs [data-tab="${name}"]`) ? name : "person";
  for (const button of $$(".tabs [data-tab]")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  }
  for (const panel of $$(".tab-panel")) panel.hidden = panel.id !== `tab-${tab}`;
  if (location.hash !== `#${tab}`) history.replaceState(null, "", `#${tab}`);
}

function initTabs() {
  for (const button of $$(".tabs [data-tab]")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  window.addEventListener("hashchange", () => showTab(location.hash.slice(1)));
  showTab(location.hash.slice(1));
}

/** Segmented controls: buttons with data-mode show the pane of the same name. */
function initSegments() {
  for (const seg of $$(".seg")) {
    const root = seg.parentElement;
    for (const button of $$("button", seg)) {
      button.addEventListener("click", () => {
        for (const b of $$("button", seg)) b.setAttribute("aria-pressed", String(b === button));
        for (const pane of $$("[data-pane]", root)) pane.hidden = pane.dataset.pane !== button.dataset.mode;
      });
    }
  }
}

function mode(segName) {
  return $(`.seg[data-seg="${segName}"] [aria-pressed="true"]`).dataset.mode;
}

// -- server status and API key ------------------------------------------------------------------

async function checkServer() {
  const pill = $("#server-status");
  try {
    const ready = await fetch("/readyz").then((r) => r.json());
    const ok = ready.status === "ready";
    pill.textContent = ok ? "server ready" : `starting: ${(ready.unready || []).join(", ")}`;
    pill.className = `pill ${ok ? "pill-ok" : "pill-warn"}`;
  } catch {
    pill.textContent = "server unreachable";
    pill.className = "pill pill-bad";
  }
}

function initKey() {
  const input = $("#api-key");
  input.value = apiKey();
  $("#key-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    setApiKey(input.value.trim());
    $("#auth-banner").hidden = true;
    toast(input.value.trim() ? "API key saved in this browser" : "API key cleared");
    await loadAll();
  });
}

// -- Person: photos, preprocessing report, training, LoRAs ---------------------------------------

function chosenPhotos() {
  return [...$("#photos").files];
}

function initPhotos() {
  const input = $("#photos");
  const drop = $("#photos-drop");
  const update = () => {
    const files = chosenPhotos();
    $("#photos-count").textContent = files.length ? `${files.length} photo(s) chosen` : "no photos chosen";
    $("#photos-preview").replaceChildren(...files.map((file) =>
      el("figure", { class: "thumb" }, el("img", {
        src: URL.createObjectURL(file), alt: file.name,
        onerror: (e) => e.target.replaceWith(el("div", { class: "thumb-bad", title: "the browser cannot show it" }, "?")),
      }),
        el("figcaption", {}, file.name))));
  };
  input.addEventListener("change", update);
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    input.files = event.dataTransfer.files;
    update();
  });
}

function photosForm() {
  const form = new FormData();
  const files = chosenPhotos();
  if (!files.length) throw new ApiError(0, "invalid_input", "choose some photos first", "photos");
  for (const file of files) form.append("photos", file, file.name);
  return form;
}

function override() {
  return defined({ gender: $("#gender").value || undefined, age_group: $("#age-group").value || undefined });
}

function renderReport(report) {
  $("#faces-report").hidden = false;
  $("#trigger").replaceChildren(
    el("span", { class: "muted" }, "trigger word"),
    el("span", { class: "chip chip-accent" }, report.trigger),
    el("span", { class: "muted" }, `${report.gender}, ~${Math.round(report.age)} years`));
  $("#accepted-count").textContent = report.accepted.length;
  $("#accepted").replaceChildren(...report.accepted.map((a) => el("figure", { class: "tile" },
    a.image ? el("img", { src: pngUrl(a.image), alt: a.source }) : null,
    el("figcaption", {},
      el("div", { class: "tile-title" }, a.source,
        a.source === report.template.source ? el("span", { class: "chip chip-small" }, "template") : null),
      el("div", { class: "caption" }, a.caption),
      el("div", { class: "muted small" },
        `quality ${percent(a.quality)} · ${a.gender} ${Math.round(a.age)}y`
        + (a.rotation ? ` · rotated ${a.rotation}°` : ""))))));
  $("#rejected-count").textContent = report.rejected.length;
  $("#rejected-block").hidden = !report.rejected.length;
  $("#rejected").replaceChildren(...report.rejected.map((r) => el("li", {},
    el("b", {}, r.source), el("span", { class: "chip chip-bad" }, humanReason(r.reason)),
    el("span", { class: "muted" }, r.message))));
}

function initPerson() {
  $("#check-photos").addEventListener("click", (event) => busy(event.currentTarget, $("#faces-error"), async () => {
    const form = photosForm();
    for (const [key, value] of Object.entries(override())) form.append(key, value);
    const report = await api("/v1/faces?include_images=true", { method: "POST", form });
    renderReport(report);
  }));

  $("#train").addEventListener("click", (event) => busy(event.currentTarget, $("#train-error"), async () => {
    const form = photosForm();
    const options = defined({
      steps: Number($("#train-steps").value) || undefined,
      rank: Number($("#train-rank").value) || undefined,
      seed: $("#train-seed").value === "" ? undefined : Number($("#train-seed").value),
      ...override(),
    });
    form.append("options", JSON.stringify(options));
    const accepted = await api("/v1/loras", { method: "POST", form });
    if (accepted.rejected?.length) {
      toast(`${accepted.rejected.length} photo(s) left out: ${accepted.rejected.map((r) => r.source).join(", ")}`, "warn");
    }
    const job = await runJob($("#train-job"), accepted.job_id, "Training");
    if (job.state === "succeeded") {
      toast(`LoRA ${shortId(accepted.lora_id)} trained`);
      await loadLoras(accepted.lora_id); // the new LoRA becomes the one every form uses
    } else if (job.state === "failed" && job.error) {
      throw new ApiError(0, job.error.type, job.error.message);
    }
  }));

  $("#refresh-loras").addEventListener("click", () => loadLoras());
}

/** Show a job (train or talk) in ``box`` until it is terminal: state, progress bar, step, loss,
 * ETA or frames, and a Cancel button while it runs. Answers the terminal job. */
async function runJob(box, jobId, title) {
  box.hidden = false;
  const stateChip = el("span", { class: "chip", "data-state": "queued" }, "queued");
  const bar = el("div", { class: "bar-fill" });
  const detail = el("div", { class: "job-detail muted" }, "waiting for a runner…");
  const cancel = el("button", {
    class: "btn btn-small btn-danger",
    onclick: async () => {
      cancel.disabled = true;
      try {
        await api(`/v1/jobs/${jobId}`, { method: "DELETE" });
        detail.textContent = "cancelling…";
      } catch (exc) {
        cancel.disabled = false;
        toast(exc.message, "bad");
      }
    },
  }, "Cancel");
  box.replaceChildren(
    el("div", { class: "job-head" }, el("b", {}, title), stateChip, el("code", { class: "muted small" }, shortId(jobId)), cancel),
    el("div", { class: "bar" }, bar), detail);
  const update = (job) => {
    const p = job.progress || {};
    stateChip.textContent = job.state;
    stateChip.dataset.state = job.state;
    bar.style.width = `${Math.round((job.state === "succeeded" ? 1 : p.fraction || 0) * 100)}%`;
    const parts = [];
    if (p.stage) parts.push(p.stage);
    if (p.frames) parts.push(`frame ${p.frame ?? 0} / ${p.frames}`);
    else if (p.total_steps) parts.push(`step ${p.step} / ${p.total_steps}`);
    if (p.loss !== null && p.loss !== undefined) parts.push(`loss ${p.loss.toFixed(4)}`);
    const eta = seconds(p.eta_seconds);
    if (eta && job.state === "running") parts.push(`ETA ${eta}`);
    if (job.error) parts.push(`${job.error.type}: ${job.error.message}`);
    if (parts.length) detail.textContent = parts.join(" · ");
    cancel.hidden = ["succeeded", "failed", "cancelled"].includes(job.state);
  };
  const job = await followJob(jobId, update);
  update(job);
  if (job.state === "succeeded") detail.textContent = `done · ${detail.textContent}`;
  return job;
}

// `prefer`: a LoRA id to select in every LoRA picker (a training that just succeeded)
async function loadLoras(prefer) {
  const box = $("#loras");
  try {
    const { loras } = await api("/v1/loras");
    state.loras = await Promise.all(loras.map((id) => api(`/v1/loras/${id}`).catch(() => ({ lora_id: id }))));
    state.loras.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
    showError($("#loras-error"), null);
  } catch (exc) {
    showError($("#loras-error"), exc);
    return;
  }
  if (!state.loras.length) {
    box.replaceChildren(el("p", { class: "empty" }, "No LoRA yet: train one above."));
  } else {
    box.replaceChildren(...state.loras.map((l) => el("div", { class: "lora", dataset: { lora: l.lora_id } },
      el("div", { class: "lora-avatar" }, (l.trigger || "?").replace(/^an? /, "").slice(0, 1).toUpperCase()),
      el("div", { class: "lora-main" },
        el("div", {}, el("b", {}, l.trigger || "face LoRA"), " ", el("code", { class: "muted small" }, l.lora_id)),
        el("div", { class: "muted small" },
          [l.steps && `${l.steps} steps`, l.rank && `rank ${l.rank}`, l.resolution && `${l.resolution}px`,
            l.created_at && new Date(l.created_at).toLocaleString()].filter(Boolean).join(" · "))),
      el("button", {
        class: "btn btn-small btn-danger",
        onclick: async (event) => {
          if (!confirm(`Delete LoRA ${l.lora_id}?`)) return;
          await busy(event.currentTarget, $("#loras-error"), async () => {
            await api(`/v1/loras/${l.lora_id}`, { method: "DELETE" });
            toast("LoRA deleted");
            await loadLoras();
          });
        },
      }, "Delete"))));
  }
  fillLoraSelects(prefer);
}

function loraOptions(selected) {
  if (!state.loras.length) return [el("option", { value: "" }, "train a LoRA first")];
  return state.loras.map((l) => el("option", { value: l.lora_id, selected: l.lora_id === selected },
    `${l.trigger || "face"} · ${shortId(l.lora_id)}`));
}

function fillLoraSelects(prefer) {
  const listed = prefer && state.loras.some((l) => l.lora_id === prefer);
  for (const select of $$(".lora-select")) {
    const current = listed ? prefer : select.value;
    select.replaceChildren(...loraOptions(current));
  }
}

// -- Styles -------------------------------------------------------------------------------------

async function loadStyles() {
  try {
    state.styles = await api("/v1/styles");
    showError($("#styles-error"), null);
  } catch (exc) {
    showError($("#styles-error"), exc);
    return;
  }
  $("#styles").replaceChildren(...state.styles.map((s) => el("article", { class: "style-card", dataset: { style: s.slug } },
    el("div", { class: "style-swatch", style: `--hue:${hue(s.slug)}` }, s.name.slice(0, 1)),
    el("div", { class: "style-body" },
      el("h3", {}, s.name, " ", el("code", { class: "muted small" }, s.slug)),
      el("p", {}, s.description),
      el("div", { class: "chips" },
        s.prompt_only ? el("span", { class: "chip chip-small" }, "prompt only")
          : el("span", { class: "chip chip-small chip-accent" }, `style ${s.style_weight}`),
        el("span", { class: "chip chip-small" }, `face ${s.face_weight}`),
        ...s.tags.map((t) => el("span", { class: "chip chip-small chip-soft" }, t)))),
    el("button", {
      class: "btn btn-small",
      onclick: () => {
        $("#generate-form").elements.style.value = s.slug;
        showTab("generate");
      },
    }, "Use"))));
  for (const select of $$(".style-select")) {
    const current = select.value;
    select.replaceChildren(el("option", { value: "" }, "no style (trigger + tags)"),
      ...state.styles.map((s) => el("option", { value: s.slug, selected: s.slug === current }, s.name)));
  }
}

function hue(slug) {
  let h = 0;
  for (const c of slug) h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}

function initStyles() {
  $("#refresh-styles").addEventListener("click", () => loadStyles());
  $("#style-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    busy($("button[type=submit]", formEl), $("#style-error"), async () => {
      const form = new FormData();
      for (const name of ["slug", "name", "description", "prompt", "negative_prompt", "style_weight", "face_weight"]) {
        const value = formEl.elements[name].value.trim();
        if (value) form.append(name, value);
      }
      const lora = formEl.elements.lora.files[0];
      if (lora) form.append("lora", lora, lora.name);
      const style = await api("/v1/styles", { method: "POST", form });
      toast(`style “${style.name}” added`);
      formEl.reset();
      await loadStyles();
    });
  });
}

// -- Generate -----------------------------------------------------------------------------------

function initGenerate() {
  $("#generate-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const f = event.currentTarget;
    busy($("button[type=submit]", f), $("#generate-error"), async () => {
      if (!f.elements.lora_id.value) throw new ApiError(0, "invalid_input", "train a LoRA first", "lora_id");
      const pose = f.elements.pose.files[0];
      const body = defined({
        lora_id: f.elements.lora_id.value,
        style: f.elements.style.value || undefined,
        prompt: text(f, "prompt"),
        num_images: num(f, "num_images"),
        seed: num(f, "seed"),
        steps: num(f, "steps"),
        top_k: num(f, "top_k"),
        guidance_scale: num(f, "guidance_scale"),
        fusion_strength: num(f, "fusion_strength"),
        pose: pose ? await fileAsDataUrl(pose) : undefined,
        include_candidates: f.elements.include_candidates.checked,
      });
      renderGenerate(await api("/v1/generate", { method: "POST", json: body }));
    }, $("#tab-generate .results"));
  });
}

function renderGenerate(out) {
  $("#generate-meta").textContent = `seed ${out.seed} · ${out.portraits.length} kept, ${out.dropped.length} dropped`;
  $("#generate-meta").title = out.prompt;
  const box = $("#portraits");
  if (!out.portraits.length) {
    box.replaceChildren(el("p", { class: "empty" }, "No candidate passed the face checks: see why below, or try another seed."));
  } else {
    box.replaceChildren(...out.portraits.map((p, i) => {
      const src = pngUrl(p.image);
      addToGallery(src, `portrait #${i + 1} · seed ${p.seed}`);
      return el("figure", { class: "tile portrait" },
        el("img", { src, alt: `portrait ${i + 1}` }),
        el("span", { class: "rank" }, `#${i + 1}`),
        el("figcaption", {},
          el("div", { class: "sim" }, el("div", { class: "sim-bar", style: `width:${Math.round(p.similarity * 100)}%` })),
          el("div", { class: "tile-row" },
            el("span", {}, el("b", {}, percent(p.similarity)), el("span", { class: "muted small" }, ` similar · seed ${p.seed}`)),
            el("span", { class: "tile-actions" },
              download(src, `portrait-${p.seed}.png`, "↓"),
              el("button", { class: "btn btn-small btn-ghost", title: "Make it talk", onclick: () => pickForTalk(src) }, "Talk")))));
    }));
  }
  $("#dropped-block").hidden = !out.dropped.length;
  $("#dropped-count").textContent = out.dropped.length;
  // candidate i was made with seed + i (include_candidates: their images, before fusion)
  const candidate = (d) => out.candidates?.[d.seed - out.seed];
  $("#dropped").replaceChildren(...out.dropped.map((d) => el("li", {},
    candidate(d) ? el("img", { class: "cand", src: pngUrl(candidate(d)), alt: `candidate seed ${d.seed}` }) : null,
    el("b", {}, `seed ${d.seed}`), el("span", { class: "chip chip-bad" }, humanReason(d.reason)),
    el("span", { class: "muted" }, d.message + (d.similarity != null ? ` (similarity ${percent(d.similarity)})` : "")))));
}

// -- Inpaint ------------------------------------------------------------------------------------

function faceRow(index) {
  const row = el("div", { class: "face-row" },
    el("label", {}, "Face #", el("input", { type: "number", min: 0, value: index, class: "face-index" })),
    el("label", { class: "grow" }, "gets", el("select", { class: "lora-select face-lora" }, ...loraOptions())),
    el("button", { type: "button", class: "btn btn-small btn-ghost", title: "remove", onclick: () => row.remove() }, "✕"));
  return row;
}

function faceReport(faces) {
  if (!faces.length) return el("p", { class: "muted" }, "No face was redrawn.");
  return el("table", { class: "report" },
    el("thead", {}, el("tr", {}, ["face", "status", "LoRA", "similarity", "note"].map((h) => el("th", {}, h)))),
    el("tbody", {}, faces.map((f) => el("tr", {},
      el("td", {}, `#${f.index}`),
      el("td", {}, el("span", { class: "chip chip-small", "data-state": f.status }, f.status)),
      el("td", {}, f.lora ? el("code", {}, shortId(f.lora)) : "–"),
      el("td", {}, percent(f.similarity)),
      el("td", { class: "muted" }, f.reason || "")))));
}

function previewFile(input, box) {
  input.addEventListener("change", () => {
    const file = input.files[0];
    box.replaceChildren(...(file ? [el("img", { src: URL.createObjectURL(file), alt: "template" })] : []));
  });
}

function initInpaint() {
  const f = $("#inpaint-form");
  $("#face-rows").append(faceRow(0));
  $("#add-face").addEventListener("click", () => $("#face-rows").append(faceRow($$(".face-row").length)));
  previewFile(f.elements.template, $("#inpaint-preview"));
  f.addEventListener("submit", (event) => {
    event.preventDefault();
    busy($("button[type=submit]", f), $("#inpaint-error"), async () => {
      const faces = $$(".face-row").map((row) => ({
        index: Number($(".face-index", row).value), lora_id: $(".face-lora", row).value,
      }));
      const options = defined({
        faces, style: f.elements.style.value || undefined, steps: num(f, "steps"),
        strength: num(f, "strength"), crop_size: num(f, "crop_size"), seed: num(f, "seed"),
      });
      const form = new FormData();
      const template = f.elements.template.files[0];
      if (template) form.append("template", template, template.name);
      form.append("options", JSON.stringify(options));
      const out = await api("/v1/inpaint", { method: "POST", form });
      const src = pngUrl(out.image);
      addToGallery(src, `inpaint · seed ${out.seed}`);
      $("#inpaint-result").replaceChildren(
        el("figure", { class: "result-image" }, el("img", { src, alt: "inpainted" })),
        el("div", { class: "actions" }, download(src, `inpaint-${out.seed}.png`),
          el("button", { class: "btn btn-small btn-ghost", onclick: () => pickForTalk(src) }, "Make it talk"),
          el("span", { class: "muted small" }, `seed ${out.seed}`)),
        faceReport(out.faces));
    }, $("#tab-inpaint .results"));
  });
}

// -- Try-on -------------------------------------------------------------------------------------

function initTryon() {
  const f = $("#tryon-form");
  f.addEventListener("submit", (event) => {
    event.preventDefault();
    busy($("button[type=submit]", f), $("#tryon-error"), async () => {
      if (!f.elements.lora_id.value) throw new ApiError(0, "invalid_input", "train a LoRA first", "lora_id");
      const options = defined({
        lora_id: f.elements.lora_id.value, background: text(f, "background"), steps: num(f, "steps"),
        size: num(f, "size"), face_crop_size: num(f, "face_crop_size"), seed: num(f, "seed"),
      });
      const form = new FormData();
      const photo = f.elements.photo.files[0];
      if (photo) form.append("photo", photo, photo.name);
      const mask = f.elements.mask.files[0];
      if (mask) form.append("mask", mask, mask.name);
      form.append("options", JSON.stringify(options));
      const out = await api("/v1/tryon", { method: "POST", form });
      const src = pngUrl(out.image);
      const maskSrc = pngUrl(out.mask);
      addToGallery(src, `try-on · seed ${out.seed}`);
      $("#tryon-result").replaceChildren(
        el("div", { class: "pair" },
          el("figure", { class: "result-image" }, el("img", { src, alt: "try-on" }), el("figcaption", {}, "result")),
          el("figure", { class: "result-image mask" }, el("img", { src: maskSrc, alt: "garment mask" }),
            el("figcaption", {}, "garment mask used (edit and send back as the mask)"))),
        el("div", { class: "actions" }, download(src, `tryon-${out.seed}.png`),
          download(maskSrc, `tryon-mask-${out.seed}.png`, "Download mask"),
          el("span", { class: "muted small" }, `seed ${out.seed}`)),
        faceReport(out.faces));
    }, $("#tab-tryon .results"));
  });
}

// -- Talk ---------------------------------------------------------------------------------------

function pickForTalk(src) {
  state.talkPick = src;
  renderTalkGallery();
  $('.seg[data-seg="portrait"] [data-mode="gallery"]').click();
  showTab("talk");
}

function renderTalkGallery() {
  const box = $("#talk-gallery");
  if (!state.gallery.length) return;
  if (!state.talkPick) state.talkPick = state.gallery[0].src;
  box.replaceChildren(...state.gallery.slice(0, 24).map((g) => el("button", {
    type: "button", class: "pick", title: g.label, "aria-pressed": String(g.src === state.talkPick),
    onclick: () => { state.talkPick = g.src; renderTalkGallery(); },
  }, el("img", { src: g.src, alt: g.label }))));
}

let recorded = null; // the last recording (Blob)

function initRecorder() {
  const button = $("#record");
  const status = $("#record-status");
  let recorder = null;
  button.addEventListener("click", async () => {
    if (recorder && recorder.state === "recording") {
      recorder.stop();
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      status.textContent = "recording needs a secure page (https or localhost)";
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.ondataavailable = (e) => chunks.push(e.data);
      recorder.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        recorded = new Blob(chunks, { type: recorder.mimeType || "audio/webm" });
        const player = $("#recorded");
        player.src = URL.createObjectURL(recorded);
        player.hidden = false;
        button.textContent = "● Record again";
        status.textContent = `${Math.round(recorded.size / 1024)} KB recorded`;
      };
      recorder.start();
      button.textContent = "■ Stop";
      status.textContent = "recording…";
    } catch (exc) {
      status.textContent = `no microphone: ${exc.message}`;
    }
  });
}

async function loadVoices() {
  const select = $("#voices");
  try {
    const voices = await api("/v1/voices");
    select.replaceChildren(...voices.map((v, i) => el("option", { value: v.id, selected: i === 0 },
      `${v.name} (${v.language}, ${v.backend})`)));
  } catch (exc) {
    select.replaceChildren(el("option", { value: "" }, exc.status === 404 ? "no TTS on this server" : exc.message));
  }
}

function initTalk() {
  initRecorder();
  const f = $("#talk-form");
  f.addEventListener("submit", (event) => {
    event.preventDefault();
    busy($("button[type=submit]", f), $("#talk-error"), async () => {
      const form = new FormData();
      if (mode("portrait") === "upload") {
        const file = f.elements.portrait.files[0];
        if (!file) throw new ApiError(0, "invalid_input", "choose a portrait photo", "portrait");
        form.append("portrait", file, file.name);
      } else {
        if (!state.talkPick) throw new ApiError(0, "invalid_input", "pick a portrait or upload one", "portrait");
        form.append("portrait", await dataUrlBlob(state.talkPick), "portrait.png");
      }
      const speech = mode("speech");
      if (speech === "tts") {
        form.append("text", f.elements.text.value);
        if (f.elements.voice.value) form.append("voice", f.elements.voice.value);
      } else if (speech === "audio") {
        const file = f.elements.audio.files[0];
        if (!file) throw new ApiError(0, "invalid_input", "choose an audio file", "audio");
        form.append("audio", file, file.name);
      } else {
        if (!recorded) throw new ApiError(0, "invalid_input", "record something first", "audio");
        form.append("audio", recorded, "recording.webm");
      }
      form.append("options", JSON.stringify(defined({
        pose_style: num(f, "pose_style"), expression_scale: num(f, "expression_scale"),
        still: f.elements.still.checked, enhance: f.elements.enhance.checked,
        preprocess: f.elements.preprocess.value, size: Number(f.elements.size.value), seed: num(f, "seed"),
      })));
      const accepted = await api("/v1/talk", { method: "POST", form });
      $("#talk-result").replaceChildren();
      const job = await runJob($("#talk-job"), accepted.job_id, "Rendering");
      if (job.state !== "succeeded") {
        if (job.state === "failed" && job.error) throw new ApiError(0, job.error.type, job.error.message);
        return; // cancelled: the job card says so
      }
      const video = URL.createObjectURL(await api(accepted.video_url, { blob: true }));
      $("#talk-result").replaceChildren(
        el("video", { src: video, controls: true, playsinline: true, preload: "auto", class: "video" }),
        el("div", { class: "actions" }, download(video, `${accepted.output_id}.mp4`)));
    });
  });
}

// -- start --------------------------------------------------------------------------------------

async function loadAll() {
  await Promise.all([loadLoras(), loadStyles(), loadVoices()]);
}

initTabs();
initSegments();
initKey();
initPhotos();
initPerson();
initStyles();
initGenerate();
initInpaint();
initTryon();
initTalk();
checkServer();
setInterval(checkServer, 15000);
loadAll().then(() => document.body.setAttribute("data-ready", "true"));
