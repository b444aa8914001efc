import { localize, type Bundle, type FlowState, type Lang } from '@onething/engine/runtime';

/** The item's name from the bundle, else its id (a snapshot may name an item the bundle lacks). */
export function itemName(bundle: Bundle | undefined, id: string, lang: Lang): string {
  const item = bundle?.items.find((candidate) => candidate.id === id);
  return item ? localize(item.name, lang) : id;
}

/** The name of the department handling item `id`, or '' when the bundle does not say. */
export function departmentName(bundle: Bundle | undefined, id: string, lang: Lang): string {
  const item = bundle?.items.find((candidate) => candidate.id === id);
  if (!item) return '';
  const department = bundle?.departments[item.department];
  return department ? localize(department.name, lang) : item.department;
}

/** A material's name from the bundle, else its id. */
export function materialName(bundle: Bundle | undefined, id: string, lang: Lang): string {
  const material = bundle?.materials?.[id];
  return material ? localize(material.name, lang) : id;
}

/** Item ids of a snapshot in the bundle's order, then any the bundle does not list. */
export function orderedItemIds(state: FlowState, bundle: Bundle | undefined): string[] {
  const inState = Object.keys(state.items);
  const known = (bundle?.items ?? []).map((item) => item.id).filter((id) => inState.includes(id));
  return [...known, ...inState.filter((id) => !known.includes(id))];
}
