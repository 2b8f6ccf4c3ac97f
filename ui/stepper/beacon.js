// The stepper's messenger (ui/stepper/__init__.py): it passes the step the browser shows to the server,
// as this component's state [step, nonce, seek token], so that only its own small fragment reruns.
export default function ({ setStateValue }) {
  const handler = (e) => setStateValue("step", e.detail);
  if (window.__gatelabBeacon) window.removeEventListener("gatelab-step", window.__gatelabBeacon);
  window.__gatelabBeacon = handler;
  window.addEventListener("gatelab-step", handler);
  return () => {
    window.removeEventListener("gatelab-step", handler);
    if (window.__gatelabBeacon === handler) window.__gatelabBeacon = null;
  };
}
