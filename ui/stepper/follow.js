// A live class's student (ui/classroom.py): when the class's version changes, the teacher's step
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
  const seen = window.__gatelabFollow || (window.__gatelabFollow = { v: null });
  if (!data || data.v === seen.v) return;
  seen.v = data.v;
  if (typeof data.page === "string") {
    const link = navLink(data.page);
    if (link) { link.click(); return; }
  }
  deliver(data.step, 25);
}

// to the stepper, once it is on the page (a page still loading gets it when its stepper is built)
function deliver(step, tries) {
  if (window.__gatelabStepper || tries <= 0) {
    window.dispatchEvent(new CustomEvent("gatelab-follow", { detail: step }));
    return;
  }
  setTimeout(() => deliver(step, tries - 1), 200);
}
