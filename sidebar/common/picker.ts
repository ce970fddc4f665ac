/**
 * A searchable picker: a search box above a <select> (the select stays the form's control). Typing
 * hides the options that do not contain the text (name or id, any case); when exactly one enabled
 * option is left it is chosen.
 */
export function searchable(select: HTMLSelectElement, search: HTMLInputElement): void {
  const apply = () => {
    const wanted = search.value.trim().toLowerCase();
    const options = Array.from(select.options).filter((o) => o.value !== '');
    for (const option of options)
      option.hidden = wanted !== '' && !option.textContent!.toLowerCase().includes(wanted);
    const left = options.filter((o) => !o.hidden && !o.disabled);
    if (wanted && left.length === 1) select.value = left[0].value;
    else if (select.selectedOptions[0]?.hidden) select.value = '';
    search.setAttribute('aria-description', wanted ? `${left.length} matching` : '');
  };
  search.addEventListener('input', apply);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      select.focus();
    }
  });
}
