import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  type AlarmProps,
  ComparisonOperator,
  type Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/**
 * Every alarm of the app, made here: it tells the alarm topic (`KakehashiStateful`'s `AlarmTopic`) when it goes
 * into ALARM and again when it is OK. Missing data is not breaching (no requests, no errors). What each alarm
 * means and what to do is in docs/operations.md, keyed by the alarm's description.
 */
export function notifyingAlarm(
  scope: Construct,
  id: string,
  topic: ITopic,
  props: Omit<AlarmProps, 'comparisonOperator' | 'treatMissingData'> & {
    comparisonOperator?: ComparisonOperator;
  },
): Alarm {
  const alarm = new Alarm(scope, id, {
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    ...props,
  });
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}

/**
 * "At least once in the last five minutes", on one-minute periods: it goes off within a minute or two of the
 * first occurrence (soon enough to stop a five-minute canary deployment) and clears five quiet minutes later.
 */
export function anyInFiveMinutes(
  scope: Construct,
  id: string,
  topic: ITopic,
  metric: Metric,
  alarmDescription: string,
): Alarm {
  return notifyingAlarm(scope, id, topic, {
    alarmDescription,
    metric: metric.with({ period: ONE_MINUTE, statistic: 'Sum' }),
    threshold: 1,
    evaluationPeriods: 5,
    datapointsToAlarm: 1,
  });
}

export const ONE_MINUTE = Duration.minutes(1);
export const FIVE_MINUTES = Duration.minutes(5);
