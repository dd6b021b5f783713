import { Card, Col, Flex, Input, List, Row, Segmented, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MapPointData, SearchParams } from './libraries.api';
import { useLibrarySearch, useMapConfig, useMapPoints } from './libraries.queries';
import { LibraryMap } from './library-map';
import { formatFen } from './money';
import { hitPath } from './search-panel';

const RADII = [0, 10, 50, 100, 300, 1000];

/** 地图找项目: clustered markers, a centre picked by clicking, a radius filter and the nearest hits. */
export function MapExplorer() {
  const { t } = useTranslation('libraries');
  const config = useMapConfig();
  const [kind, setKind] = useState<'project' | 'demand' | 'resource'>('project');
  const [q, setQ] = useState<string | undefined>();
  const [center, setCenter] = useState<{ lat: number; lng: number } | null>(null);
  const [radiusKm, setRadiusKm] = useState(0);
  const params: SearchParams = {
    kind,
    q,
    ...(center ? { lat: center.lat, lng: center.lng } : {}),
    ...(center && radiusKm > 0 ? { radiusKm } : {}),
  };
  const points = useMapPoints(params);
  const nearest = useLibrarySearch(center ? { ...params, sort: 'distance' } : { ...params, sort: 'date' });
  const hrefOf = useCallback((p: MapPointData) => hitPath(p), []);
  const tiles = config.data?.tiles ?? null;
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Row gutter={[8, 8]} align="middle">
          <Col xs={24} md={10}>
            <Input.Search
              allowClear
              enterButton
              maxLength={100}
              placeholder={t('search.placeholder')}
              onSearch={(v) => setQ(v.trim() || undefined)}
              data-testid="map-search"
            />
          </Col>
          <Col xs={24} md={8}>
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              options={(['project', 'demand', 'resource'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
          </Col>
          <Col xs={24} md={6}>
            <Select
              style={{ width: '100%' }}
              value={radiusKm}
              aria-label={t('search.radius')}
              onChange={setRadiusKm}
              disabled={!center}
              options={RADII.map((r) => ({
                value: r,
                label: `${t('search.radius')}：${r === 0 ? t('search.anywhere') : `${r} km`}`,
              }))}
              data-testid="map-radius"
            />
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {/* the page title already says what the map is for; this line only adds the centre once one is picked */}
          {center ? `${t('map.center', { lat: center.lat.toFixed(3), lng: center.lng.toFixed(3) })} · ` : null}
          <span data-testid="map-count">{t('map.shown', { count: points.data?.items.length ?? 0 })}</span>
          {points.data?.truncated ? t('map.truncated') : ''}
        </Typography.Text>
      </Card>
      <LibraryMap
        points={points.data?.items ?? []}
        center={center ?? { lat: 33.5, lng: 113 }}
        radiusKm={center && radiusKm > 0 ? radiusKm : undefined}
        tiles={tiles}
        onPick={setCenter}
        hrefOf={hrefOf}
      />
      <Card size="small" title={center ? t('map.nearest') : t(`kinds.${kind}`)}>
        <List
          size="small"
          loading={nearest.isLoading}
          dataSource={nearest.data?.pages[0]?.items.slice(0, 10) ?? []}
          renderItem={(hit) => (
            <List.Item key={hit.id} data-testid="map-hit">
              <Link to={hitPath(hit)}>{hit.title.map((s) => s.text).join('')}</Link>
              <Typography.Text type="secondary">
                {hit.regionName} · {formatFen(hit.amountFen)}
                {hit.distanceKm !== null ? ` · ${t('search.distance', { km: hit.distanceKm })}` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
