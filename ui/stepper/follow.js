// A live class's student (ui/classroom.py): when the class's version changes, the teacher's step
// goes to this tab's stepper (ui/stepper/stepper.js listens), without a page rerun.
export default function ({ data }) {
  const seen = window.__gatelabFollow || (window.__gatelabFollow = { v: null });
  if (!data || data.v === seen.v) return;
  seen.v = data.v;
  window.dispatchEvent(new CustomEvent("gatelab-follow", { detail: data.step }));
}
