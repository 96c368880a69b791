import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import {
  focusFirstInvalid,
  generalError,
  normalizeSkill,
  SKILL_PATTERN,
  serverFieldErrors,
} from '../profile/form-utils.ts';
import { MunicipalitySelect, PrefectureSelect } from '../profile/RegionSelects.tsx';
import { useProject, useProjectAction, useSaveProject } from '../projects/queries.ts';
import { RoleGate } from '../projects/RoleGate.tsx';
import {
  LIMITS,
  type Project,
  type ProjectInput,
  REMOTE_STYLES,
  type RemoteStyle,
  START_MONTH_PATTERN,
} from '../projects/types.ts';
import type { Profile } from '../types.ts';

/** `/my/projects/new` and `/my/projects/:id/edit`: the firm drafts, edits and publishes a project. */
export default function ProjectEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const title = t(id ? 'editor.editTitle' : 'editor.newTitle');
  return (
    <RoleGate only="firm" title={title}>
      {(me) => (id ? <EditExisting id={id} me={me} title={title} /> : <Editor me={me} title={title} />)}
    </RoleGate>
  );
}

function EditExisting({ id, me, title }: { id: string; me: Profile; title: string }) {
  const { t } = useTranslation();
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  const problem = project.isError
    ? project.error instanceof ApiError && project.error.status === 404
      ? t('editor.notOwner')
      : undefined
    : project.data.firmId !== me.userId
      ? t('editor.notOwner')
      : project.data.status === 'closed'
        ? t('editor.closedNotEditable')
        : undefined;
  if (project.isError && !problem)
    return (
      <Page title={title}>
        <LoadError error={project.error} onRetry={() => void project.refetch()} />
      </Page>
    );
  if (problem || !project.data)
    return (
      <Page title={title}>
        <Alert color="gray" role="status" mb="md">
          {problem}
        </Alert>
        <Button component={Link} to="/my/projects" variant="default">
          {t('projects.myTitle')}
        </Button>
      </Page>
    );
  return <Editor me={me} title={title} initial={project.data} />;
}

type Form = {
  title: string;
  summary: string;
  challenge: string;
  deliverables: string;
  skills: string[];
  prefectureCode: string;
  municipalityCode: string;
  fee: string | number;
  hours: string | number;
  duration: string | number;
  remote: RemoteStyle | '';
  startMonth: string;
  shortTime: boolean;
};

function formOf(p: Project | undefined, me: Profile): Form {
  const home = me.role === 'firm' ? me.municipalityCode : '';
  return {
    title: p?.title ?? '',
    summary: p?.summary ?? '',
    challenge: p?.challenge ?? '',
    deliverables: p?.deliverables ?? '',
    skills: p?.skills ?? [],
    // A new project starts where the firm is; any municipality can be chosen.
    prefectureCode: (p?.municipalityCode ?? home).slice(0, 2),
    municipalityCode: p?.municipalityCode ?? home,
    fee: p?.monthlyFeeJpy ?? '',
    hours: p?.hoursPerMonth ?? '',
    duration: p?.durationMonths ?? '',
    remote: p?.remote ?? '',
    startMonth: p?.startMonth ?? '',
    shortTime: p?.shortTime ?? false,
  };
}

/** The errors a form field's change may resolve (keys are body paths, as the API names them). */
const ERROR_KEYS: Record<keyof Form, string[]> = {
  title: ['title'],
  summary: ['summary'],
  challenge: ['challenge'],
  deliverables: ['deliverables'],
  skills: ['skills'],
  prefectureCode: ['prefecture', 'municipalityCode'],
  municipalityCode: ['municipalityCode'],
  fee: ['monthlyFeeJpy'],
  hours: ['hoursPerMonth'],
  duration: ['durationMonths'],
  remote: ['remote'],
  startMonth: ['startMonth'],
  shortTime: ['shortTime', 'hoursPerMonth'],
};

/** A whole number within [min, max], or NaN (also when empty). */
function wholeNumber(value: string | number, min: number, max: number): number {
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : Number.NaN;
}

function Editor({ me, title, initial }: { me: Profile; title: string; initial?: Project }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveProject();
  const action = useProjectAction();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<Form>(() => formOf(initial, me));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const [mode, setMode] = useState<'save' | 'publish'>('save');
  /** A field changed: its error (and the summary once none is left) goes away until the next submit. */
  const set = (change: Partial<Form>) => {
    setForm((f) => ({ ...f, ...change }));
    const next = { ...errors };
    for (const key of Object.keys(change)) for (const e of ERROR_KEYS[key as keyof Form]) delete next[e];
    if (Object.keys(next).length !== Object.keys(errors).length) {
      setErrors(next);
      if (!Object.keys(next).length) setGeneral(undefined);
    }
  };

  /** The checks the API makes, made first so the person hears of every problem at once. */
  function build(): { input?: ProjectInput; found: Record<string, string> } {
    const e = t;
    const found: Record<string, string> = {};
    const text = (
      key: 'title' | 'summary' | 'challenge' | 'deliverables',
      max: number,
      required: boolean,
    ) => {
      const v = form[key].trim();
      if (!v && required) found[key] = e('editor.errors.required');
      else if (!v && initial?.[key]) found[key] = e('editor.errors.cannotClear');
      else if (v.length > max) found[key] = e('editor.errors.tooLong', { max });
      return v || undefined;
    };
    const titleText = text('title', LIMITS.title, true);
    const summary = text('summary', LIMITS.text, true);
    const challenge = text('challenge', LIMITS.text, false);
    const deliverables = text('deliverables', LIMITS.text, false);
    const bad = form.skills.find((s) => !SKILL_PATTERN.test(s));
    if (bad) found.skills = e('profile.errors.skill', { skill: bad });
    else if (form.skills.length < 1 || form.skills.length > LIMITS.skillsMax)
      found.skills = e('editor.errors.skillsCount');
    if (!form.prefectureCode) found.prefecture = e('editor.errors.chooseOne');
    else if (!form.municipalityCode) found.municipalityCode = e('editor.errors.chooseOne');
    const fee = wholeNumber(form.fee, LIMITS.feeMin, LIMITS.feeMax);
    if (Number.isNaN(fee)) found.monthlyFeeJpy = e('editor.errors.fee');
    const hours = wholeNumber(form.hours, LIMITS.hoursMin, LIMITS.hoursMax);
    if (Number.isNaN(hours)) found.hoursPerMonth = e('editor.errors.hours');
    else if (form.shortTime && hours > LIMITS.shortTimeMaxHours)
      found.hoursPerMonth = e('editor.errors.shortTimeHours');
    const duration = wholeNumber(form.duration, LIMITS.durationMin, LIMITS.durationMax);
    if (Number.isNaN(duration)) found.durationMonths = e('editor.errors.duration');
    if (!form.remote) found.remote = e('editor.errors.chooseOne');
    const startMonth = form.startMonth.trim();
    if (startMonth && !START_MONTH_PATTERN.test(startMonth)) found.startMonth = e('editor.errors.startMonth');
    else if (!startMonth && initial?.startMonth) found.startMonth = e('editor.errors.cannotClear');
    if (Object.keys(found).length || !titleText || !summary || !form.remote) return { found };
    const input: ProjectInput = {
      title: titleText,
      summary,
      skills: form.skills,
      municipalityCode: form.municipalityCode,
      monthlyFeeJpy: fee,
      hoursPerMonth: hours,
      remote: form.remote,
      durationMonths: duration,
      shortTime: form.shortTime,
    };
    if (challenge) input.challenge = challenge;
    if (deliverables) input.deliverables = deliverables;
    if (startMonth) input.startMonth = startMonth;
    return { input, found };
  }

  /** For an edit, only what changed (PATCH). */
  function changes(input: ProjectInput): Partial<ProjectInput> {
    if (!initial) return input;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (JSON.stringify(value) !== JSON.stringify(initial[key as keyof Project])) out[key] = value;
    }
    return out as Partial<ProjectInput>;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Which of the two submit buttons (Enter in a field means the first: save).
    const mode = (e.nativeEvent as SubmitEvent).submitter?.dataset.mode === 'publish' ? 'publish' : 'save';
    setMode(mode);
    setGeneral(undefined);
    const { input, found } = build();
    setErrors(found);
    if (!input) {
      setGeneral(t('profile.errors.failed'));
      focusFirstInvalid(formRef.current);
      return;
    }
    let saved: Project | undefined = initial;
    try {
      const patch = changes(input);
      if (!initial || Object.keys(patch).length)
        saved = await save.mutateAsync({ id: initial?.id, input: patch });
    } catch (error) {
      const placed: Record<string, string> = {};
      for (const [path, message] of Object.entries(serverFieldErrors(t, error))) {
        placed[path.split('.')[0] as string] ??= message;
      }
      setErrors(placed);
      setGeneral(generalError(t, error));
      focusFirstInvalid(formRef.current);
      return;
    }
    if (!saved) return;
    let notice: 'saved' | 'published' | 'publishFailed' = 'saved';
    if (mode === 'publish' && saved.status === 'draft') {
      try {
        await action.mutateAsync({ id: saved.id, action: 'publish' });
        notice = 'published';
      } catch {
        notice = 'publishFailed';
      }
    }
    navigate(`/projects/${saved.id}`, { state: { notice } });
  }

  const busy = save.isPending || action.isPending;
  const canPublish = !initial || initial.status === 'draft';

  return (
    <Page title={title}>
      <Text mb="lg">{t('editor.lead')}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="lg">
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <Fieldset legend={t('editor.about')} variant="unstyled" styles={legendStyles}>
              <Stack gap="md">
                <TextInput
                  label={t('editor.title')}
                  description={t('editor.titleHint')}
                  required
                  maxLength={LIMITS.title}
                  value={form.title}
                  onChange={(e) => set({ title: e.currentTarget.value })}
                  error={errors.title}
                />
                <Textarea
                  label={t('editor.summary')}
                  description={t('editor.summaryHint')}
                  required
                  autosize
                  minRows={4}
                  maxRows={14}
                  maxLength={LIMITS.text}
                  value={form.summary}
                  onChange={(e) => set({ summary: e.currentTarget.value })}
                  error={errors.summary}
                />
                <Textarea
                  label={t('editor.challenge')}
                  description={t('editor.optionalHint')}
                  autosize
                  minRows={3}
                  maxRows={12}
                  maxLength={LIMITS.text}
                  value={form.challenge}
                  onChange={(e) => set({ challenge: e.currentTarget.value })}
                  error={errors.challenge}
                />
                <Textarea
                  label={t('editor.deliverables')}
                  description={t('editor.optionalHint')}
                  autosize
                  minRows={3}
                  maxRows={12}
                  maxLength={LIMITS.text}
                  value={form.deliverables}
                  onChange={(e) => set({ deliverables: e.currentTarget.value })}
                  error={errors.deliverables}
                />
                <TagsInput
                  label={t('editor.skills')}
                  description={t('editor.skillsHint')}
                  placeholder={t('editor.skillsPlaceholder')}
                  required
                  value={form.skills}
                  onChange={(tags) => set({ skills: [...new Set(tags.map(normalizeSkill).filter(Boolean))] })}
                  splitChars={[',', '、', '，']}
                  maxTags={LIMITS.skillsMax}
                  clearable
                  error={errors.skills}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend={t('editor.location')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PrefectureSelect
                  label={t('editor.prefecture')}
                  required
                  value={form.prefectureCode}
                  onChange={(code) => set({ prefectureCode: code, municipalityCode: '' })}
                  error={errors.prefecture}
                />
                <MunicipalitySelect
                  label={t('editor.municipality')}
                  required
                  prefectureCode={form.prefectureCode}
                  value={form.municipalityCode}
                  onChange={(code) => set({ municipalityCode: code })}
                  error={errors.municipalityCode}
                />
              </SimpleGrid>
            </Fieldset>

            <Fieldset legend={t('editor.terms')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('editor.fee')}
                  description={t('editor.feeHint')}
                  required
                  min={LIMITS.feeMin}
                  max={LIMITS.feeMax}
                  step={1000}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  leftSection={<span aria-hidden="true">¥</span>}
                  inputMode="numeric"
                  clampBehavior="none"
                  value={form.fee}
                  onChange={(v) => set({ fee: v })}
                  error={errors.monthlyFeeJpy}
                />
                <NumberInput
                  label={t('editor.hours')}
                  description={t('editor.hoursHint')}
                  required
                  min={LIMITS.hoursMin}
                  max={LIMITS.hoursMax}
                  allowDecimal={false}
                  allowNegative={false}
                  inputMode="numeric"
                  clampBehavior="none"
                  value={form.hours}
                  onChange={(v) => set({ hours: v })}
                  error={errors.hoursPerMonth}
                />
                <NativeSelect
                  label={t('editor.remote')}
                  required
                  data={[
                    { value: '', label: t('profile.choose') },
                    ...REMOTE_STYLES.map((r) => ({ value: r, label: t(`projects.remoteStyles.${r}`) })),
                  ]}
                  value={form.remote}
                  onChange={(e) => set({ remote: e.currentTarget.value as RemoteStyle | '' })}
                  error={errors.remote}
                />
                <NumberInput
                  label={t('editor.duration')}
                  description={t('editor.durationHint')}
                  required
                  min={LIMITS.durationMin}
                  max={LIMITS.durationMax}
                  allowDecimal={false}
                  allowNegative={false}
                  inputMode="numeric"
                  clampBehavior="none"
                  value={form.duration}
                  onChange={(v) => set({ duration: v })}
                  error={errors.durationMonths}
                />
                <TextInput
                  type="month"
                  label={t('editor.startMonth')}
                  description={t('editor.startMonthHint')}
                  placeholder="2026-07"
                  value={form.startMonth}
                  onChange={(e) => set({ startMonth: e.currentTarget.value })}
                  error={errors.startMonth}
                />
              </SimpleGrid>
              <Checkbox
                mt="md"
                label={t('editor.shortTime')}
                description={t('editor.shortTimeHint')}
                checked={form.shortTime}
                onChange={(e) => set({ shortTime: e.currentTarget.checked })}
                error={errors.shortTime}
              />
            </Fieldset>

            <Group justify="flex-end" gap="sm">
              <Button
                component={Link}
                to={initial ? `/projects/${initial.id}` : '/my/projects'}
                variant="default"
              >
                {t('editor.cancel')}
              </Button>
              <Button
                type="submit"
                variant={canPublish ? 'default' : 'filled'}
                loading={busy && mode === 'save'}
                disabled={busy && mode !== 'save'}
                data-mode="save"
              >
                {t(initial ? 'editor.save' : 'editor.saveDraft')}
              </Button>
              {canPublish && (
                <Button
                  type="submit"
                  loading={busy && mode === 'publish'}
                  disabled={busy && mode !== 'publish'}
                  data-mode="publish"
                >
                  {t('editor.saveAndPublish')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}

const legendStyles = {
  legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: '0.5rem' },
};
