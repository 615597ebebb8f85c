type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date;

/**
 * Every dotted path into a form's values ('space.uri', 'members.0.userJid'), the way react-hook-form
 * names fields, written here so the planning core can name form fields without depending on a UI
 * library; the wizard's `Path<WizardValues>` is the same union.
 */
export type FieldPath<T> = T extends Leaf
  ? never
  : T extends ReadonlyArray<infer E>
    ? `${number}` | `${number}.${FieldPath<E>}`
    : { [K in keyof T & string]: K | (FieldPath<T[K]> extends never ? never : `${K}.${FieldPath<T[K]>}`) }[keyof T & string];
