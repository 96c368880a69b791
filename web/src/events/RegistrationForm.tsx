import { Button, Checkbox, Fieldset, Group, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOTTERY_PAYMENT_HOURS, PAYMENT_HOLD_MINUTES, RegistrationInput } from '#shared/events/rules.ts';
import { ApiError } from '../api.ts';
import { useFormat } from '../format.ts';
import {
  bodyOf,
  bounds,
  contractResolver,
  FormAlert,
  type Issue,
  type Place,
  range,
  textIssue,
  topField,
  useFormSubmit,
} from '../forms.tsx';
import { useRegister } from './queries.ts';
import { beforeDraw, modesOf } from './seats.ts';
import type { Attendance, EventOut, RegistrationOut } from './types.ts';

/** The form's values; the childcare request is sent only when asked for. */
type Values = {
  attendance: Attendance | '';
  wantsChildcare: boolean;
  children: number | string;
  ages: string;
};

function toBody(v: Values) {
  return {
    attendance: v.attendance || undefined,
    ...(v.wantsChildcare
      ? { childcare: { children: v.children === '' ? undefined : Number(v.children), ages: v.ages } }
      : {}),
  };
}

/** `childcare.children` is the children field, `childcare.ages` the ages one; `childcare` itself the box. */
const place: Place = (path) => {
  if (path[0] !== 'childcare') return topField(path);
  if (path[1] === 'children' || path[1] === 'ages') return String(path[1]);
  return 'wantsChildcare';
};

const childcareFields = RegistrationInput.shape.childcare.def.innerType.shape;
/** Refusals the person can do nothing about in the form: said in their language, and the page refreshed. */
const CONFLICTS = ['already_registered', 'signups_closed', 'event_cancelled', 'not_published', 'busy'];

/** Signing up for an event: the mode (only those with seats), childcare where offered. */
export function RegistrationForm({
  event: e,
  onRegistered,
}: {
  event: EventOut;
  onRegistered: (r: RegistrationOut) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const register = useRegister(e.id);
  const [conflict, setConflict] = useState<string>();
  const modes = modesOf(e);
  const word = (issue: Issue): string | undefined => {
    switch (place(issue.path)) {
      case 'attendance':
        return t('events.signup.errors.attendance');
      case 'children':
        return t('events.signup.errors.children', range(childcareFields.children));
      case 'ages':
        return textIssue(issue, t, 'events.signup.errors.ages');
      default:
        return undefined;
    }
  };
  const form = useForm<Values>({
    initialValues: {
      // One mode: nothing to choose.
      attendance: modes.length === 1 ? (modes[0] as Attendance) : '',
      wantsChildcare: false,
      children: 1,
      ages: '',
    },
    validate: contractResolver(t, RegistrationInput, toBody, word, place),
  });
  const { general, submit } = useFormSubmit(form, place, 'events.signup.failed');

  const onSubmit = submit(async (values) => {
    setConflict(undefined);
    try {
      onRegistered(await register.mutateAsync(bodyOf(RegistrationInput, toBody, values)));
    } catch (error) {
      if (error instanceof ApiError && CONFLICTS.includes(error.code)) {
        setConflict(t(`events.signup.conflicts.${error.code}`));
        return;
      }
      throw error;
    }
  });

  const lottery = beforeDraw(e);
  const chosen = form.values.attendance;
  const full = !lottery && chosen !== '' && e.seatsLeft[chosen] === 0;
  const submitLabel = lottery
    ? 'events.signup.submitLottery'
    : full
      ? 'events.signup.submitWaitlist'
      : e.feeJpy > 0
        ? 'events.signup.submitPaid'
        : 'events.signup.submit';
  const optionLabel = (mode: Attendance) => {
    const where = t(`events.signup.modes.${mode}`);
    if (lottery) return t('events.signup.modeLottery', { where, count: e.entered[mode] });
    if (e.seatsLeft[mode] > 0) return t('events.signup.modeOpen', { where, count: e.seatsLeft[mode] });
    return t('events.signup.modeFull', { where, count: e.waitlisted[mode] });
  };
  const input = form.getInputProps;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert message={conflict ?? general} />
        <Radio.Group label={t('events.signup.attendance')} required {...input('attendance')}>
          <Stack gap="xs" mt="xs">
            {modes.map((mode) => (
              <Radio key={mode} value={mode} label={optionLabel(mode)} />
            ))}
          </Stack>
        </Radio.Group>
        {e.childcare && (
          <Fieldset legend={t('events.signup.childcare')}>
            <Checkbox
              label={t('events.signup.wantsChildcare')}
              description={t('events.signup.wantsChildcareHint')}
              {...input('wantsChildcare', { type: 'checkbox' })}
            />
            {form.values.wantsChildcare && (
              <Group grow align="flex-start" mt="md" wrap="wrap">
                <NumberInput
                  label={t('events.signup.children')}
                  description={t('events.signup.childrenHint', range(childcareFields.children))}
                  required
                  min={bounds(childcareFields.children).min}
                  max={bounds(childcareFields.children).max}
                  allowDecimal={false}
                  allowNegative={false}
                  inputMode="numeric"
                  clampBehavior="none"
                  miw={160}
                  {...input('children')}
                />
                <TextInput
                  label={t('events.signup.ages')}
                  description={t('events.signup.agesHint')}
                  required
                  maxLength={bounds(childcareFields.ages).max}
                  miw={200}
                  {...input('ages')}
                />
              </Group>
            )}
          </Fieldset>
        )}
        {lottery && (
          <Text size="sm">
            {t('events.signup.lotteryHint', { deadline: f.dateTimeShort(e.signupDeadline) })}
            {e.feeJpy > 0 && ` ${t('events.signup.lotteryPaidHint', { hours: LOTTERY_PAYMENT_HOURS })}`}
          </Text>
        )}
        {!lottery && e.feeJpy > 0 && (
          <Text size="sm">
            {full
              ? t('events.signup.paidWaitlistHint', { fee: f.yen(e.feeJpy) })
              : t('events.signup.paidHint', { fee: f.yen(e.feeJpy), minutes: PAYMENT_HOLD_MINUTES })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={register.isPending}>
            {t(submitLabel)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
