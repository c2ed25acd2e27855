// Split-screen panes: drag the handle (or use the arrow keys on it) to resize.
(() => {
  const container = document.querySelector('[data-split]');
  const handle = document.querySelector('[data-testid="split-handle"]');
  const left = document.querySelector('[data-testid="split-left"]');
  if (!container || !handle || !left) return;
  const MIN = 20;
  const MAX = 80;

  function setPercent(percent) {
    const clamped = Math.min(MAX, Math.max(MIN, percent));
    left.style.flexBasis = clamped + '%';
    handle.setAttribute('aria-valuenow', String(Math.round(clamped)));
  }

  function percentAt(clientX) {
    const box = container.getBoundingClientRect();
    return ((clientX - box.left) / box.width) * 100;
  }

  let dragging = false;
  handle.addEventListener('pointerdown', (event) => {
    dragging = true;
    handle.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  handle.addEventListener('pointermove', (event) => {
    if (dragging) setPercent(percentAt(event.clientX));
  });
  const stop = (event) => {
    if (!dragging) return;
    dragging = false;
    if (handle.hasPointerCapture(event.pointerId)) handle.releasePointerCapture(event.pointerId);
  };
  handle.addEventListener('pointerup', stop);
  handle.addEventListener('pointercancel', stop);

  handle.addEventListener('keydown', (event) => {
    const now = Number(handle.getAttribute('aria-valuenow')) || 50;
    if (event.key === 'ArrowLeft') setPercent(now - 5);
    else if (event.key === 'ArrowRight') setPercent(now + 5);
    else if (event.key === 'Home') setPercent(MIN);
    else if (event.key === 'End') setPercent(MAX);
    else return;
    event.preventDefault();
  });
})();
