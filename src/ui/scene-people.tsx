import { useEffect, useState } from 'react';
import type { PresentPerson } from '../engine/cast.ts';
import { useT } from './i18n.ts';

/**
 * Who is in the scene: each person's portrait, name and role, as text. The portraits are decoration
 * (the name says who it is), drawn once the drawing module has loaded; the row keeps its size meanwhile.
 */
export function ScenePeople({ people }: { people: readonly PresentPerson[] }) {
  const { t } = useT();
  if (people.length === 0) return null;
  return (
    <ul className="scene-people" aria-label={t('scene.inThisScene')}>
      {people.map((person) => (
        <li key={person.id}>
          <Portrait seed={person.portrait} />
          <span className="scene-person">
            <span className="scene-person-name">{person.name}</span>
            {person.role && <span className="scene-person-role">{person.role}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Portrait({ seed }: { seed: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let current = true;
    import('./portrait-art.ts').then(
      ({ portraitUri }) => current && setSrc(portraitUri(seed)),
      () => {}, // No drawing: the name and role still say who is there.
    );
    return () => {
      current = false;
    };
  }, [seed]);
  return <span className="portrait">{src && <img src={src} alt="" width={56} height={56} />}</span>;
}
