import { useMemo } from 'react';
import { facilitatorGuide } from '../engine/facilitator-guide.ts';
import type { Scenario } from '../engine/scenario.types.ts';
import { useT } from '../ui/i18n.ts';
import { type MapNode, scenarioMap } from './scenario-map.ts';
import type { MapPaths } from './scenario-map-paths.ts';

/**
 * The studio's map of a scenario (`scenarioMap`): scenes by bystander step, endings by kind, the best
 * path in a solid line and the worst in a dashed one. Each scene and ending
 * is a button that takes the author to it in the source (`onSelect`, with its dotted state keys). The
 * map scrolls inside its own box, never the page.
 */
export function ScenarioMapView({
  scenario,
  paths,
  onSelect,
}: {
  scenario: Scenario;
  paths: MapPaths;
  onSelect: (key: string) => void;
}) {
  const { t, language } = useT();
  const { map, lang } = useMemo(() => {
    const guide = facilitatorGuide(scenario, { language, support: [] });
    return { map: scenarioMap(guide, paths), lang: guide.contentLanguage };
  }, [scenario, paths, language]);
  const name = (node: MapNode) =>
    node.kind === 'scene'
      ? `${t('studio.mapScene', { number: node.number })}${node.stage ? ` · ${t(`stage.${node.stage}`)}` : ''}`
      : `${t('studio.mapEnding', { number: node.number })} · ${t(`debrief.kind.${node.endingKind}`)}`;
  // Shown by the box's border (and the key); said in words to a screen reader.
  const onPaths = (node: MapNode) =>
    [node.best && t('studio.mapOnBest'), node.worst && t('studio.mapOnWorst')].filter(Boolean).join(', ');
  return (
    <>
      <ul className="studio-map-legend" aria-label={t('studio.mapLegend')}>
        <li className="studio-map-key-best">{t('studio.mapLegendBest')}</li>
        <li className="studio-map-key-worst">{t('studio.mapLegendWorst')}</li>
      </ul>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached by keyboard to scroll it */}
      <section className="studio-map-scroll" tabIndex={0} aria-label={t('studio.mapRegion')}>
        <div className="studio-map" style={{ width: map.width, height: map.height }}>
          <svg width={map.width} height={map.height} aria-hidden="true" focusable="false">
            <defs>
              <marker
                id="studio-map-arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth="10"
                markerHeight="10"
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" />
              </marker>
            </defs>
            {map.edges.map((edge) => (
              <polyline
                key={`${edge.from}→${edge.to}`}
                className={`studio-map-edge${edge.best ? ' best' : ''}${edge.worst ? ' worst' : ''}`}
                points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
                markerEnd="url(#studio-map-arrow)"
              />
            ))}
          </svg>
          <ol className="studio-map-nodes">
            {map.nodes.map((node) => (
              <li
                key={node.key}
                style={{
                  left: node.x - node.width / 2,
                  top: node.y - node.height / 2,
                  width: node.width,
                  height: node.height,
                }}
              >
                <button
                  type="button"
                  className={[
                    'studio-map-node',
                    node.kind,
                    node.endingKind ?? '',
                    node.best ? 'best' : '',
                    node.worst ? 'worst' : '',
                  ].join(' ')}
                  onClick={() => onSelect(node.key)}
                >
                  <strong>
                    {name(node)}
                    {onPaths(node) && <span className="visually-hidden"> · {onPaths(node)}</span>}
                  </strong>
                  <span lang={lang}>{node.text}</span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      </section>
    </>
  );
}
