import { L } from './leaflet-global';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { outlineLayer } from './base-map/outline-layer';
import type { MapPointData } from './libraries.api';
import { formatFen } from './money';

const COLOURS: Record<MapPointData['kind'], string> = { project: '#1677ff', demand: '#fa8c16', resource: '#52c41a' };

export interface TileSource {
  url: string;
  subdomains: string;
  attribution: string;
  maxZoom: number;
}

interface LibraryMapProps {
  points: readonly MapPointData[];
  center: { lat: number; lng: number };
  radiusKm?: number | undefined;
  tiles: TileSource | null;
  onPick?: (point: { lat: number; lng: number }) => void;
  hrefOf: (point: MapPointData) => string;
  height?: number | string;
}

function popupOf(point: MapPointData, href: string): HTMLElement {
  // Built from text nodes: titles come from users and may hold markup.
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.href = href;
  link.textContent = point.title;
  link.style.fontWeight = '600';
  const meta = document.createElement('div');
  meta.textContent = [point.regionName, point.amountFen !== null ? formatFen(point.amountFen) : null]
    .filter(Boolean)
    .join(' · ');
  meta.style.color = '#666';
  box.append(link, meta);
  return box;
}

/**
 * Projects and demands on a Leaflet map, clustered, over the bundled province and city outlines (ADR 0100), which
 * need no key and no connection. A configured tile source is offered as a second base layer and shown first; when
 * its tiles cannot be reached the user switches back to the outlines.
 */
export function LibraryMap({ points, center, radiusKm, tiles, onPick, hrefOf, height = 520 }: LibraryMapProps) {
  const { t } = useTranslation('libraries');
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const circle = useRef<L.Circle | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once; later props update layers
  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, {
      center: [center.lat, center.lng],
      // a phone shows all of China at zoom 3
      zoom: element.current.clientWidth < 600 ? 3 : 4,
      minZoom: 3,
      // The cluster layer needs a maximum zoom even when no tile layer brings one.
      maxZoom: tiles?.maxZoom ?? 18,
    });
    const outlines = outlineLayer(m);
    m.attributionControl.addAttribution(t('map.outlineAttribution'));
    if (tiles) {
      const tileLayer = L.tileLayer(tiles.url, {
        subdomains: tiles.subdomains || 'abc',
        attribution: tiles.attribution,
        maxZoom: tiles.maxZoom,
      }).addTo(m);
      L.control.layers({ [t('map.tiles')]: tileLayer, [t('map.outlines')]: outlines }).addTo(m);
    } else {
      outlines.addTo(m);
    }
    cluster.current = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 }).addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.({ lat: e.latlng.lat, lng: e.latlng.lng }));
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const group = cluster.current;
    if (!group) return;
    group.clearLayers();
    const markers = points.map((p) => {
      const icon = L.divIcon({
        className: 'zh-map-marker',
        html: `<span style="display:block;width:14px;height:14px;border-radius:50%;background:${COLOURS[p.kind]};border:2px solid #fff;box-shadow:0 0 2px rgba(0,0,0,.5)"></span>`,
        iconSize: [14, 14],
      });
      return L.marker([p.lat, p.lng], { icon, title: p.title }).bindPopup(popupOf(p, hrefOf(p)));
    });
    group.addLayers(markers);
  }, [points, hrefOf]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    circle.current?.remove();
    circle.current = null;
    if (radiusKm) {
      circle.current = L.circle([center.lat, center.lng], {
        radius: radiusKm * 1000,
        color: '#1677ff',
        weight: 1,
        fillOpacity: 0.06,
      }).addTo(m);
      m.fitBounds(circle.current.getBounds(), { maxZoom: 12 });
    } else {
      m.setView([center.lat, center.lng], m.getZoom());
    }
  }, [center.lat, center.lng, radiusKm]);

  return (
    <div
      ref={element}
      data-testid="library-map"
      style={{ height, width: '100%', background: '#dfe8f1', borderRadius: 8, border: '1px solid #e5e7eb' }}
    />
  );
}
