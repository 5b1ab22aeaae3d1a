import { useEffect, useRef } from 'react';
import { closeOverlay, type Overlay } from '../../ui';
import { Bridges } from './Bridges';
import { Catalogue } from './Catalogue';
import { Deliveries } from './Deliveries';
import '../settings/settings.css';
import './integrations.css';

export interface HubSection {
  id: string;
  label: string;
  view: () => React.ReactNode;
}

/** The hub's sections, in the navigation's order: add one with a line here. */
export const HUB_SECTIONS: HubSection[] = [
  { id: 'catalogue', label: 'Integrations', view: () => <Catalogue /> },
  { id: 'deliveries', label: 'Deliveries', view: () => <Deliveries /> },
  { id: 'bridges', label: 'Bridges', view: () => <Bridges /> },
];

/** `#integrations/<section>`: the webhook integrations of the gateway and their deliveries. */
export default function Integrations({ section }: Pick<Overlay, 'section'>) {
  const heading = useRef<HTMLHeadingElement>(null);
  const current = HUB_SECTIONS.find((s) => s.id === section) ?? HUB_SECTIONS[0];
  useEffect(() => heading.current?.focus(), [current.id]);
  return (
    <div
      className="settings-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="integrations-title"
    >
      <div className="settings-head">
        <h1 id="integrations-title">Integration hub</h1>
        <button className="icon-button" aria-label="Close integration hub" onClick={closeOverlay}>
          ×
        </button>
      </div>
      <div className="settings-body">
        <nav aria-label="Integration hub sections" className="settings-nav">
          <ul>
            {HUB_SECTIONS.map((s) => (
              <li key={s.id}>
                <a
                  href={`#integrations/${s.id}`}
                  aria-current={s.id === current.id ? 'page' : undefined}
                >
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <section className="settings-content" aria-labelledby="integrations-section-title">
          <h2 id="integrations-section-title" ref={heading} tabIndex={-1}>
            {current.label}
          </h2>
          {current.view()}
        </section>
      </div>
    </div>
  );
}
