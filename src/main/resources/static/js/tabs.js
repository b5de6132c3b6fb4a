// Tabs as the WAI-ARIA tabs pattern has them: one tab in the Tab order (roving tabindex), the selected one; Left and
// Right move to the tab before or after (wrapping round), Home and End to the first and last, and the tab moved to is
// selected at once (automatic activation), as a click selects it.

/**
 * Wires the tabs of `tablist` (its buttons with data-outcome) and calls `onSelect(outcome)` whenever another tab is
 * selected, by mouse or keyboard. The panel `panel` is labelled by the selected tab. Wiring twice does nothing.
 */
export function wireTabs(tablist, panel, onSelect) {
  if (tablist.dataset.wired) return;
  tablist.dataset.wired = 'true';
  const tabs = () => [...tablist.querySelectorAll('[role="tab"][data-outcome]')];
  tabs().forEach(tab => {
    tab.id = tab.id || `${tablist.id}-${tab.dataset.outcome}`;
    tab.setAttribute('aria-controls', panel.id);
  });
  panel.setAttribute('role', 'tabpanel');
  const select = tab => {
    const changed = tab.getAttribute('aria-selected') !== 'true';
    tabs().forEach(other => {
      other.setAttribute('aria-selected', String(other === tab));
      other.tabIndex = other === tab ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', tab.id);
    return changed;
  };
  select(tabs().find(tab => tab.getAttribute('aria-selected') === 'true') || tabs()[0]);
  tablist.addEventListener('click', event => {
    const tab = event.target.closest('[role="tab"][data-outcome]');
    if (!tab) return;
    select(tab);
    onSelect(tab.dataset.outcome);
  });
  tablist.addEventListener('keydown', event => {
    const all = tabs();
    const at = all.indexOf(event.target);
    if (at < 0) return;
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = all[(next + all.length) % all.length];
    tab.focus();
    if (select(tab)) onSelect(tab.dataset.outcome);
  });
}
