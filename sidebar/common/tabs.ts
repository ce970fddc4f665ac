/**
 * A tab bar (role=tablist of role=tab buttons): click or arrow keys select a tab, only the selected
 * tab is in the tab order, each tab's panel (aria-controls) is shown when selected.
 */
export function setupTabs(
  list: HTMLElement,
  onSelect: (tab: HTMLButtonElement) => void,
): (id: string) => void {
  const tabs = Array.from(list.querySelectorAll<HTMLButtonElement>('[role="tab"]'));

  function select(tab: HTMLButtonElement, focus: boolean): void {
    const panelOf = (t: HTMLButtonElement) => {
      const id = t.getAttribute('aria-controls');
      return id ? document.getElementById(id) : null;
    };
    for (const other of tabs) {
      other.setAttribute('aria-selected', String(other === tab));
      other.tabIndex = other === tab ? 0 : -1;
      const panel = panelOf(other);
      if (panel) panel.hidden = true;
    }
    const shown = panelOf(tab);
    if (shown) shown.hidden = false;
    if (focus) tab.focus();
    onSelect(tab);
  }

  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const index = tabs.indexOf(tab);
      const next =
        event.key === 'ArrowRight'
          ? tabs[(index + 1) % tabs.length]
          : event.key === 'ArrowLeft'
            ? tabs[(index - 1 + tabs.length) % tabs.length]
            : event.key === 'Home'
              ? tabs[0]
              : event.key === 'End'
                ? tabs[tabs.length - 1]
                : null;
      if (!next) return;
      event.preventDefault();
      select(next, true);
    });
  }
  for (const tab of tabs) tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1;
  return (id: string) => {
    const tab = tabs.find((candidate) => candidate.id === id);
    if (tab) select(tab, false);
  };
}
