import { useEffect, useId, useState } from 'react';
import { api, postFile } from '../../api';
import { store, useSlices } from '../../store';
import { ActionButton, SettingsForm, useAction } from './common';

/** The person's avatar: a preview of the chosen picture, upload it, or go back to the default. */
export function AvatarUpload() {
  useSlices('users');
  const current = store.users.get(store.self.user_id)?.avatar_url ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const action = useAction();
  const id = useId();
  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const shown = preview ?? current;
  return (
    <SettingsForm
      title="Avatar"
      submit="Upload avatar"
      action={action}
      disabled={!file}
      onSubmit={async () => {
        if (!file) return;
        await postFile('/users/me/avatar', file);
        setFile(null);
        return 'Your new avatar is saved.';
      }}
      actions={
        <ActionButton
          action={action}
          danger
          work={async () => {
            await api('DELETE', '/users/me/avatar');
            setFile(null);
            return 'Your avatar is back to the default.';
          }}
        >
          Delete avatar
        </ActionButton>
      }
    >
      <div className="avatar-preview">
        {shown ? (
          <img
            src={shown}
            alt={preview ? 'Preview of your new avatar' : 'Your avatar'}
            width={100}
            height={100}
          />
        ) : (
          <p>No avatar yet.</p>
        )}
      </div>
      <label htmlFor={`${id}-file`}>Choose a picture</label>
      <input
        id={`${id}-file`}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
    </SettingsForm>
  );
}
