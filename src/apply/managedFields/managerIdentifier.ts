import { goJsonValue } from '../fieldsV1/goJson.js';

/** What names a `managedFields` entry's owner: everything of the entry but its fields and time. @internal */
export interface ManagerInfo {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  /** Part of an `Update` manager's identity only: an applier is the same manager in every version. */
  readonly apiVersion?: string | undefined;
  readonly subresource?: string | undefined;
}

/**
 * The key the API server files a manager's fields under, `BuildManagerIdentifier`: the entry
 * without `fieldsType`, `fieldsV1` and `time` ("Never include the time in the manager
 * identifier"), and for appliers without `apiVersion` ("so it will always have the same manager
 * identifier each time it applied"), as `json.Marshal` writes it: the members in the Go field
 * order `manager, operation, apiVersion, subresource`, empty ones left out. The server sorts the
 * managers of a conflict message by this text.
 * @internal
 */
export function managerIdentifier(info: ManagerInfo): string {
  const members: string[] = [];
  if (info.manager !== '') members.push(`"manager":${goJsonValue(info.manager)}`);
  members.push(`"operation":${goJsonValue(info.operation)}`);
  if (info.operation === 'Update' && info.apiVersion) members.push(`"apiVersion":${goJsonValue(info.apiVersion)}`);
  if (info.subresource) members.push(`"subresource":${goJsonValue(info.subresource)}`);
  return `{${members.join(',')}}`;
}

/** The entry fields an identifier holds, read back (`encodeManagerVersionedSet`'s unmarshal). @internal */
export function parseManagerIdentifier(identifier: string): ManagerInfo {
  const parsed = JSON.parse(identifier) as { manager?: string; operation: 'Apply' | 'Update'; apiVersion?: string; subresource?: string };
  return { manager: parsed.manager ?? '', operation: parsed.operation, apiVersion: parsed.apiVersion, subresource: parsed.subresource };
}
