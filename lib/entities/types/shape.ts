/**
 * The shape of one entity type module (`lib/entities/types/<type>.ts`): everything about a type that
 * is data rather than code. The catalog, the field tables and the declarative half of both sides'
 * mappings are derived from the modules the registry lists (lib/entities/registry.ts).
 */
import type { z } from 'zod';

/**
 * What a side holds of a field: `rw` read and written, `write` written but not readable (QBO masks
 * TaxIdentifier on read), `none` the side has no such field.
 */
export type FieldCapability = 'rw' | 'write' | 'none';

export interface FieldSides {
  cso: FieldCapability;
  qbo: FieldCapability;
}

/** The fields of a domain record that a module describes: all but its own id. */
type FieldOf<R> = Exclude<keyof R, 'id'> & string;

export interface EntityModule<R = Record<string, unknown>> {
  /** The type's id, used in storage, messages and settings. */
  id: string;
  /** The label in the Type column, exactly as the product documentation writes it. */
  label: string;
  /** QBO's maximum length of the name field, in characters. */
  nameMaxLength: number;
  /** Characters QBO refuses in this name field (Fault 2040 "Invalid String"). */
  forbiddenChars: readonly string[];
  /** Hierarchical types match on the full `Parent:Child` path, like QBO's FullyQualifiedName. */
  hierarchical: boolean;
  /** QBO's documented nesting limit (levels, top level included); absent where none is stated. */
  maxDepth?: number;
  /** Customer, Vendor and Employee display names share one namespace in QBO (Fault 6240). */
  sharesDisplayNameNamespace: boolean;
  /** Types whose links must exist before this type can be written (a data type needs its account). */
  dependsOn: readonly string[];
  /** The domain record, side-neutral: `id` and `parentId` are ids on the record's own side. */
  schema: z.ZodType<R>;
  /**
   * Every field of the record and what each side holds of it, in the order snapshots and ops list
   * them. Only fields both sides read and write are compared; a field one side only accepts is sent
   * when the other side changes it and never compared; a field one side lacks does not travel.
   */
  fields: { readonly [F in FieldOf<R>]: FieldSides };
  /** Fields holding the id of another record, and that record's type. */
  refs: { readonly [F in FieldOf<R>]?: string };
  cso: {
    /** The contract's URL segment (lib/cso/CONTRACT.md, "Entity types"). */
    segment: string;
  };
  qbo: {
    /** The QBO list that holds the type. */
    entity: string;
    nameField: 'Name' | 'DisplayName';
    /** The QBO keys each field other than name and active is written to (`toQbo` decides their shape). */
    keys: { readonly [F in Exclude<FieldOf<R>, 'name' | 'active'>]: readonly string[] };
    /** Keys a create sends even when the op does not name their field. */
    createKeys: readonly string[];
    /** A sparse update must repeat the Name (QBO refuses one without it). */
    updateRepeatsName: boolean;
    /** The web page that shows a record (the panel's "QBO Id" link): its path and the id's parameter. */
    page: { path: string; idParam: string };
  };
}
