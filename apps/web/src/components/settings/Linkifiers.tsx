import { useId, useMemo, useState } from 'react';
import { api } from '../../api';
import { draftProblem, linkifyPreview, type LinkifierDraft } from '../../linkifier-tester';
import { store, useSlices } from '../../store';
import { Outcome, useAction } from './common';

/**
 * The sample text as a message would show it: the saved linkifiers, then the one being typed
 * (listed last, so it loses where it overlaps a saved one, as it will once saved).
 */
function Preview({ text, draft }: { text: string; draft: LinkifierDraft | null }) {
  // store.linkifiers is replaced (a new array) on every linkifier event.
  const saved = store.linkifiers;
  const segments = useMemo(
    () => linkifyPreview(text, draft ? [...saved, draft] : saved),
    [text, draft, saved],
  );
  const links = segments.filter((s) => s.href);
  return (
    <div className="linkifier-preview">
      <div className="preview-text" role="region" aria-label="Linkified preview">
        {text === ''
          ? 'Type a sample text to see what it links to.'
          : segments.map((s, i) =>
              s.href ? (
                <a key={i} href={s.href} target="_blank" rel="noopener noreferrer">
                  {s.text}
                </a>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
      </div>
      {text !== '' && (
        <p role="status" className="hint">
          {links.length === 0
            ? 'Nothing in the sample would be linked.'
            : links.map((l) => `${l.text} → ${l.href}`).join('; ')}
        </p>
      )}
    </div>
  );
}

export function Linkifiers() {
  useSlices('realm');
  const [pattern, setPattern] = useState('');
  const [template, setTemplate] = useState('');
  const [sample, setSample] = useState('');
  const action = useAction();
  const id = useId();
  const draft = useMemo<LinkifierDraft | null>(
    () => (pattern.trim() ? { pattern, url_template: template } : null),
    [pattern, template],
  );
  const problem = draft && template ? draftProblem(draft) : null;
  return (
    <>
      <p className="hint">
        Linkifiers turn text such as <code>T1234</code> into links, in messages and topics. The
        pattern is a regular expression with named groups such as <code>{'T(?P<id>[0-9]+)'}</code>;
        the URL template uses them as <code>{'{id}'}</code>.
      </p>
      <form
        className="settings-form"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await api('POST', '/realm/filters', { pattern, url_template: template });
            setPattern('');
            setTemplate('');
            return 'Linkifier added.';
          });
        }}
      >
        <h3 id={`${id}-title`}>Add a linkifier</h3>
        <label htmlFor={`${id}-pattern`}>Pattern</label>
        <input
          id={`${id}-pattern`}
          required
          spellCheck={false}
          value={pattern}
          onChange={(e) => setPattern(e.target.value)}
        />
        <label htmlFor={`${id}-template`}>URL template</label>
        <input
          id={`${id}-template`}
          required
          spellCheck={false}
          placeholder="https://tracker.example.com/ticket/{id}"
          value={template}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setTemplate(e.target.value)}
        />
        {problem && (
          <p className="form-error" id={`${id}-problem`}>
            {problem}
          </p>
        )}
        <label htmlFor={`${id}-sample`}>Sample text</label>
        <textarea
          id={`${id}-sample`}
          rows={2}
          value={sample}
          onChange={(e) => setSample(e.target.value)}
        />
        <Preview text={sample} draft={problem ? null : draft} />
        <div className="form-actions">
          <button className="primary" type="submit" disabled={action.busy || problem !== null}>
            Add linkifier
          </button>
        </div>
        <Outcome action={action} />
      </form>
      <table className="settings-table">
        <caption>Linkifiers</caption>
        <thead>
          <tr>
            <th scope="col">Pattern</th>
            <th scope="col">URL template</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {store.linkifiers.length === 0 && (
            <tr>
              <td colSpan={3}>No linkifiers yet.</td>
            </tr>
          )}
          {store.linkifiers.map((l) => (
            <tr key={l.id}>
              <td>
                <code>{l.pattern}</code>
              </td>
              <td>
                <code>{l.url_template}</code>
              </td>
              <td>
                <button
                  className="danger"
                  aria-label={`Delete linkifier ${l.pattern}`}
                  disabled={action.busy}
                  onClick={() =>
                    void action.run(async () => {
                      await api('DELETE', `/realm/filters/${l.id}`);
                      return 'Linkifier deleted.';
                    })
                  }
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
