// One floating tooltip for every chart.
const box = () => document.getElementById('tooltip');

export function show(event, html) {
  const tip = box();
  tip.innerHTML = html;
  tip.hidden = false;
  move(event);
}

export function move(event) {
  const tip = box();
  const pad = 14;
  const { innerWidth, innerHeight } = window;
  const rect = tip.getBoundingClientRect();
  let x = event.clientX + pad;
  let y = event.clientY + pad;
  if (x + rect.width > innerWidth - 8) x = event.clientX - rect.width - pad;
  if (y + rect.height > innerHeight - 8) y = event.clientY - rect.height - pad;
  tip.style.left = `${Math.max(4, x)}px`;
  tip.style.top = `${Math.max(4, y)}px`;
}

export function hide() {
  box().hidden = true;
}
