import { Badge, Group, List } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionName } from '../regions.ts';
import { type Profile, type RegionTie, TIES } from '../types.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === undefined || children === null || children === '' || children === false;
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span style={{ color: '#495057' }}>{t('profile.notSet')}</span> : children}</dd>
    </>
  );
}

function RegionName({ code }: { code: string | undefined }) {
  return <>{useRegionName(code)}</>;
}

function RegionTieItem({ region }: { region: RegionTie }) {
  const { t } = useTranslation();
  const name = useRegionName(region.regionCode);
  const ties = TIES.filter((tie) => region.ties.includes(tie))
    .map((tie) => t(`profile.tieValues.${tie}`))
    .join(t('profile.tieSeparator'));
  return (
    <List.Item>
      <strong>{name}</strong> — {ties}
    </List.Item>
  );
}

/** A profile as a read-only list of labelled values. */
export function ProfileView({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const rows: ReactNode[] = [
    <Row key="role" label={t('profile.role')}>
      <Badge variant="light" size="lg" radius="sm" tt="none">
        {t(`profile.roles.${profile.role}`)}
      </Badge>
    </Row>,
  ];
  if (profile.role === 'professional') {
    rows.push(
      <Row key="name" label={t('profile.displayName')}>
        {profile.displayName}
      </Row>,
      <Row key="headline" label={t('profile.headline')}>
        {profile.headline}
      </Row>,
      <Row key="skills" label={t('profile.skills')}>
        {profile.skills?.length ? (
          <Group gap={6}>
            {profile.skills.map((s) => (
              <Badge key={s} variant="outline" radius="sm" tt="none">
                {s}
              </Badge>
            ))}
          </Group>
        ) : undefined}
      </Row>,
      <Row key="years" label={t('profile.yearsOfExperience')}>
        {profile.yearsOfExperience !== undefined && t('profile.years', { count: profile.yearsOfExperience })}
      </Row>,
      <Row key="home" label={t('profile.homePrefecture')}>
        {profile.homePrefectureCode && <RegionName code={profile.homePrefectureCode} />}
      </Row>,
      <Row key="home-municipality" label={t('profile.homeMunicipality')}>
        {profile.homeMunicipalityCode && <RegionName code={profile.homeMunicipalityCode} />}
      </Row>,
      <Row key="hours" label={t('profile.hoursPerMonth')}>
        {profile.hoursPerMonth !== undefined && t('profile.hours', { count: profile.hoursPerMonth })}
      </Row>,
      <Row key="style" label={t('profile.workStyle')}>
        {profile.workStyle && t(`profile.workStyles.${profile.workStyle}`)}
      </Row>,
      <Row key="invoice" label={t('profile.invoiceIssuer')}>
        {profile.qualifiedInvoiceIssuer
          ? t('profile.registeredIssuer', { number: profile.invoiceRegistrationNumber })
          : t('profile.notRegisteredIssuer')}
      </Row>,
      <Row key="regions" label={t('profile.regionsOfInterest')}>
        {profile.regionsOfInterest?.length ? (
          <List spacing={4}>
            {profile.regionsOfInterest.map((r) => (
              <RegionTieItem key={r.regionCode} region={r} />
            ))}
          </List>
        ) : undefined}
      </Row>,
    );
  } else if (profile.role === 'firm') {
    rows.push(
      <Row key="org" label={t('profile.organizationName')}>
        {profile.organizationName}
      </Row>,
      <Row key="name" label={t('profile.displayNameFirm')}>
        {profile.displayName}
      </Row>,
      <Row key="where" label={t('profile.firmLocation')}>
        <RegionName code={profile.municipalityCode} />
      </Row>,
      <Row key="industry" label={t('profile.industry')}>
        {profile.industry}
      </Row>,
      <Row key="size" label={t('profile.size')}>
        {profile.size && t(`profile.sizes.${profile.size}`)}
      </Row>,
      <Row key="invoice" label={t('profile.invoiceNumber')}>
        {profile.invoiceRegistrationNumber}
      </Row>,
      <Row key="billing" label={t('profile.billingContact')}>
        {profile.billingContact && `${profile.billingContact.name} <${profile.billingContact.email}>`}
      </Row>,
    );
  } else {
    rows.push(
      <Row key="name" label={t('profile.displayName')}>
        {profile.displayName}
      </Row>,
    );
    if (profile.regionCode)
      rows.push(
        <Row key="region" label={t('profile.region')}>
          <RegionName code={profile.regionCode} />
        </Row>,
      );
  }
  rows.push(
    <Row key="email" label={t('profile.email')}>
      {profile.email}
    </Row>,
  );
  return <dl className="fields">{rows}</dl>;
}
