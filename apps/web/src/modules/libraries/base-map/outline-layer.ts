import type { FeatureCollection, MultiPolygon } from 'geojson';
import { L } from '../leaflet-global';

/** Properties of one outline: its GB/T 2260 code, its name and the point its label sits on. */
interface OutlineProperties {
  code: string;
  name: string;
  cp?: [number, number];
}

type Outlines = FeatureCollection<MultiPolygon, OutlineProperties>;

/** City outlines and labels appear from these zooms on; below them the province outlines are enough. */
const CITY_ZOOM = 6;
const PROVINCE_LABEL_ZOOM = 5;
const CITY_LABEL_ZOOM = 8;
const PANE = 'zh-outline';
const LABEL_PANE = 'zh-outline-labels';

// Each file is its own chunk, fetched only when a map is drawn (cities only once the user zooms in).
const loadProvinces = () => import('./provinces.json').then((m) => m.default as unknown as Outlines);
const loadCities = () => import('./cities.json').then((m) => m.default as unknown as Outlines);

function labels(outlines: Outlines, fontSize: number): L.LayerGroup {
  const group = L.layerGroup();
  for (const f of outlines.features) {
    if (!f.properties.cp) continue;
    const [lng, lat] = f.properties.cp;
    // a text node, centred on the point: the names come from a data file and are never read as markup
    const text = document.createElement('span');
    text.textContent = f.properties.name;
    text.style.cssText = `position:absolute;transform:translate(-50%,-50%);white-space:nowrap;font-size:${fontSize}px;color:#5c6b7a;text-shadow:0 0 2px #fff,0 0 2px #fff`;
    const icon = L.divIcon({ className: 'zh-map-label', html: text, iconSize: [0, 0] });
    group.addLayer(L.marker([lat, lng], { icon, interactive: false, keyboard: false, pane: LABEL_PANE }));
  }
  return group;
}

/**
 * 省市轮廓 the offline base map (ADR 0100): province outlines, and city outlines from zoom 6, drawn on a canvas under
 * the markers. It needs no key and no connection beyond the app itself. Clicks go through to the map.
 */
export function outlineLayer(map: L.Map): L.LayerGroup {
  const group = L.layerGroup();
  let provinceLabels: L.LayerGroup | null = null;
  let cities: L.GeoJSON | null = null;
  let cityLabels: L.LayerGroup | null = null;
  let loadingCities = false;
  let loadingProvinces = false;
  // under the overlay pane (400: the radius circle) and the markers (600); over the tile pane (200)
  map.createPane(PANE).style.zIndex = '250';
  const labelPane = map.createPane(LABEL_PANE);
  labelPane.style.zIndex = '390';
  labelPane.style.pointerEvents = 'none';
  const renderer = L.canvas({ pane: PANE });

  const show = (layer: L.Layer | null, visible: boolean) => {
    if (!layer) return;
    if (visible && !group.hasLayer(layer)) group.addLayer(layer);
    if (!visible && group.hasLayer(layer)) group.removeLayer(layer);
  };

  const update = () => {
    if (!map.hasLayer(group)) return;
    const zoom = map.getZoom();
    show(provinceLabels, zoom >= PROVINCE_LABEL_ZOOM);
    show(cities, zoom >= CITY_ZOOM);
    show(cityLabels, zoom >= CITY_LABEL_ZOOM);
    if (zoom >= CITY_ZOOM && !cities && !loadingCities) {
      loadingCities = true;
      void loadCities().then((data) => {
        cities = L.geoJSON(data, {
          pane: PANE,
          interactive: false,
          style: { renderer, color: '#c3ccd5', weight: 0.8, fill: false },
        });
        cityLabels = labels(data, 11);
        update();
      });
    }
  };

  group.on('add', () => {
    map.on('zoomend', update);
    if (provinceLabels || loadingProvinces) return update();
    loadingProvinces = true;
    void loadProvinces().then((data) => {
      group.addLayer(
        L.geoJSON(data, {
          pane: PANE,
          interactive: false,
          style: { renderer, color: '#8c99a6', weight: 1, fillColor: '#ffffff', fillOpacity: 1 },
        }),
      );
      provinceLabels = labels(data, 12);
      update();
    });
  });
  group.on('remove', () => map.off('zoomend', update));
  return group;
}
