// A live class's student (ui/teach/classroom.py): when the class's version changes, the teacher's step
// goes to this tab's stepper (ui/stepper/stepper.js listens), without a page rerun; and another
// page is opened through the app's own navigation link, as if the student had clicked it.
function navLink(page) {
  // the default page's link is the app's root (its href ends in "/"); every other ends in its url path
  const links = document.querySelectorAll("[data-testid=stSidebarNavLink], [data-testid=stTopNavLink]");
  for (const a of links) {
    const href = a.getAttribute("href") || "";
    if (page === "" ? href.endsWith("/") : href.replace(/[?#].*$/, "").endsWith(`/${page}`)) return a;
  }
  return null;
}

export default function ({ data }) {
  const seen = window.__gatelabFollow || (window.__gatelabFollow = { v: null, at: 0 });
  if (!data) return;
  const fresh = data.v !== seen.v;
  seen.v = data.v;
  // another page: its link, once per move, and again every 2 s while the server still asks for it
  // (a click made while the page was busy can be lost)
  if (typeof data.page === "string" && (fresh || Date.now() - seen.at > 2000)) {
    const link = navLink(data.page);
    if (link) { seen.at = Date.now(); link.click(); return; }
  }
  if (fresh) deliver(data.step, 25, data.v);
}

// to the stepper, once it is on the page (a page still loading gets it when its stepper is built);
// then checked for a few seconds: a stepper built again meanwhile (the page's own run, started
// before this step was known) shows its older step, and is put on this one while it is still the
// class's latest (and the student still follows: a following student's stepper is locked)
function deliver(step, tries, v) {
  const seen = window.__gatelabFollow;
  if (seen.v !== v) return;
  const api = window.__gatelabStepper;
  if (api && api.locked && api.step !== step) window.dispatchEvent(new CustomEvent("gatelab-follow", { detail: step }));
  if (tries > 0) setTimeout(() => deliver(step, tries - 1, v), 200);
}
