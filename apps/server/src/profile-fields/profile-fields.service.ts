import { Injectable } from '@nestjs/common';
import type { CustomProfileField, ProfileFieldValue } from '@hub/api/profile-field.types';
import { renderMarkdown } from '@hub/markdown';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { requireAdmin } from '../identity/permissions';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { Realm } from '../identity/realm.types';
import { UsersRepository } from '../identity/users.repository';
import { isAdmin, User } from '../identity/user.types';
import { groupProfileData, toApiProfileField } from './profile-field-format';
import {
  checkFieldData,
  checkValue,
  fieldName,
  FieldType,
  isFieldType,
  isRenderable,
  MAX_HINT_LENGTH,
} from './profile-field-rules';
import {
  ProfileFieldChanges,
  ProfileFieldRow,
  ProfileFieldsRepository,
} from './profile-fields.repository';

export interface FieldInput {
  name?: string;
  hint?: string;
  fieldType?: number;
  fieldData?: unknown;
  displayInProfileSummary?: boolean;
  required?: boolean;
  editableByUser?: boolean;
}

function fieldNotFound(id: number): ZulipError {
  return ZulipError.badRequest(`Field id ${id} not found.`);
}

function checkHint(hint: string | undefined): string | undefined {
  if (hint !== undefined && hint.length > MAX_HINT_LENGTH) {
    throw ZulipError.badRequest(`hint is too long (limit: ${MAX_HINT_LENGTH} characters)`);
  }
  return hint;
}

/**
 * A realm's custom profile fields (administrators define them; everyone sees them) and its users'
 * values (each user their own where the field allows, administrators anyone's). Field changes are
 * announced to the realm as `custom_profile_fields`, values as `realm_user` updates.
 */
@Injectable()
export class ProfileFieldsService {
  constructor(
    private readonly repo: ProfileFieldsRepository,
    private readonly users: UsersRepository,
    private readonly resolver: RealmResolver,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  async list(realmId: number): Promise<CustomProfileField[]> {
    return (await this.repo.list(realmId)).map(toApiProfileField);
  }

  /** Every user's `profile_data` in the realm (one query). */
  async realmProfileData(realmId: number): Promise<Map<number, Record<string, ProfileFieldValue>>> {
    return groupProfileData(await this.repo.realmValues(realmId));
  }

  async profileDataOf(userIds: number[]): Promise<Map<number, Record<string, ProfileFieldValue>>> {
    return groupProfileData(userIds.length === 0 ? [] : await this.repo.userValues(userIds));
  }

  async create(actor: User, input: FieldInput): Promise<number> {
    requireAdmin(actor);
    const type = input.fieldType ?? FieldType.ShortText;
    if (!isFieldType(type)) throw ZulipError.badRequest('Invalid field type.');
    const fieldData = checkFieldData(type, input.fieldData);
    const name = fieldName(type, input.name, fieldData);
    return this.db.transaction(async () => {
      if (await this.repo.nameTaken(actor.realm_id, name)) {
        throw ZulipError.badRequest('A field with that label already exists.');
      }
      const row = await this.repo.create(actor.realm_id, {
        name,
        hint: checkHint(input.hint) ?? '',
        field_type: type,
        field_data: fieldData,
        display_in_profile_summary: input.displayInProfileSummary ?? false,
        required: input.required ?? false,
        editable_by_user: input.editableByUser ?? true,
      });
      await this.announceFields(actor.realm_id);
      return row.id;
    });
  }

  async update(actor: User, id: number, input: FieldInput): Promise<void> {
    requireAdmin(actor);
    const field = await this.repo.find(actor.realm_id, id);
    if (!field) throw fieldNotFound(id);
    const changes: ProfileFieldChanges = {
      hint: checkHint(input.hint),
      display_in_profile_summary: input.displayInProfileSummary,
      required: input.required,
      editable_by_user: input.editableByUser,
    };
    if (input.fieldData !== undefined) {
      changes.field_data = checkFieldData(field.field_type, input.fieldData);
    }
    if (input.name !== undefined) {
      changes.name = fieldName(
        field.field_type,
        input.name,
        changes.field_data ?? field.field_data,
      );
    }
    await this.db.transaction(async () => {
      if (changes.name && (await this.repo.nameTaken(actor.realm_id, changes.name, id))) {
        throw ZulipError.badRequest('A field with that label already exists.');
      }
      await this.repo.update(id, changes);
      await this.announceFields(actor.realm_id);
    });
  }

  /** `order`: every field's id, in the new order. */
  async reorder(actor: User, order: number[]): Promise<void> {
    requireAdmin(actor);
    await this.db.transaction(async () => {
      const ids = (await this.repo.list(actor.realm_id)).map((f) => f.id);
      const given = new Set(order);
      if (
        given.size !== order.length ||
        given.size !== ids.length ||
        !ids.every((i) => given.has(i))
      ) {
        throw ZulipError.badRequest('Invalid order mapping.');
      }
      await this.repo.reorder(actor.realm_id, order);
      await this.announceFields(actor.realm_id);
    });
  }

  async remove(actor: User, id: number): Promise<void> {
    requireAdmin(actor);
    await this.db.transaction(async () => {
      if (!(await this.repo.delete(actor.realm_id, id))) throw fieldNotFound(id);
      await this.announceFields(actor.realm_id);
    });
  }

  /**
   * Sets values (`[{id, value}]`; an empty value clears) for `target`: their own where the field
   * is editable by users, anyone's for administrators.
   */
  async setValues(actor: User, realm: Realm, target: User, data: unknown): Promise<void> {
    if (actor.id !== target.id) requireAdmin(actor);
    if (!Array.isArray(data)) throw ZulipError.badRequest('data is not a list');
    const fields = new Map((await this.repo.list(realm.id)).map((f) => [f.id, f]));
    const changes = data.map((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw ZulipError.badRequest(`data[${i}] is not a dict`);
      }
      const { id, value } = item as { id?: unknown; value?: unknown };
      if (!Number.isInteger(id)) throw ZulipError.badRequest(`data[${i}]["id"] is not an integer`);
      const field = fields.get(id as number);
      if (!field) throw fieldNotFound(id as number);
      if (!field.editable_by_user && !isAdmin(actor)) {
        throw ZulipError.badRequest(
          'You are not allowed to change this field. Contact an administrator to update it.',
        );
      }
      return { field, checked: value === null ? null : checkValue(field, value) };
    });
    const userIds = [...new Set(changes.flatMap((c) => c.checked?.userIds ?? []))];
    if (userIds.length > 0) {
      const found = new Set((await this.users.findManyByIds(realm.id, userIds)).map((u) => u.id));
      const missing = userIds.find((u) => !found.has(u));
      if (missing !== undefined) throw ZulipError.badRequest(`Invalid user ID: ${missing}`);
    }
    await this.db.transaction(async () => {
      for (const { field, checked } of changes) {
        await this.store(realm, target, field, checked?.stored ?? null);
      }
    });
  }

  /** `PATCH /users/{id}` `profile_data`: administrators only, whoever the user. */
  async setValuesAsAdmin(actor: User, realm: Realm, target: User, data: unknown): Promise<void> {
    requireAdmin(actor);
    await this.setValues(actor, realm, target, data);
  }

  /** Clears the user's own values for these fields (`DELETE /users/me/profile_data`). */
  async clearValues(actor: User, realm: Realm, fieldIds: number[]): Promise<void> {
    const fields = new Map((await this.repo.list(realm.id)).map((f) => [f.id, f]));
    const cleared = fieldIds.map((id) => {
      const field = fields.get(id);
      if (!field) throw fieldNotFound(id);
      if (!field.editable_by_user && !isAdmin(actor)) {
        throw ZulipError.badRequest(
          'You are not allowed to change this field. Contact an administrator to update it.',
        );
      }
      return field;
    });
    await this.db.transaction(async () => {
      for (const field of cleared) await this.store(realm, actor, field, null);
    });
  }

  private async store(
    realm: Realm,
    target: User,
    field: ProfileFieldRow,
    value: string | null,
  ): Promise<void> {
    if (value === null) {
      if (!(await this.repo.clearValue(target.id, field.id))) return;
      await this.announceValue(target, { id: field.id, value: null });
      return;
    }
    const rendered = isRenderable(field.field_type)
      ? renderMarkdown(value, { realmUrl: this.resolver.realmUrl(realm) }).html
      : null;
    if (!(await this.repo.setValue(target.id, field.id, value, rendered))) return;
    await this.announceValue(target, {
      id: field.id,
      value,
      ...(rendered === null ? {} : { rendered_value: rendered }),
    });
  }

  private async announceValue(
    target: User,
    change: { id: number; value: string | null; rendered_value?: string },
  ): Promise<void> {
    await this.events.toRealm(target.realm_id, {
      type: 'realm_user',
      op: 'update',
      person: { user_id: target.id, custom_profile_field: change },
    });
  }

  private async announceFields(realmId: number): Promise<void> {
    await this.events.toRealm(realmId, {
      type: 'custom_profile_fields',
      fields: (await this.repo.list(realmId)).map(toApiProfileField),
    });
  }
}
