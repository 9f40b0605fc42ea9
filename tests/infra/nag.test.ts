import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Stack, type App } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { addNagChecks } from '../../infra/cdk/nag.ts';
import { buildPlatform } from '../../infra/cdk/platform.ts';
import { declaration } from '../../shared/platform/declaration.ts';
import { testApp } from './platform-fixture.ts';

interface Violation {
  readonly ruleName: string;
  readonly severity: string;
  readonly violatingConstructs: readonly { readonly constructPath: string }[];
}
interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly violations: readonly Violation[];
  }[];
}

/**
 * cdk-nag 3 reports through CDK's policy validation: `app.synth()` throws when a plugin finds
 * an unacknowledged error, and every finding is written to `validation-report.json`.
 */
const errorsOf = (build: (app: App) => void): string[] => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'fpb-nag-'));
  const app = testApp({ outdir });
  build(app);
  addNagChecks(app);
  try {
    app.synth();
  } catch {
    // the report below says what failed
  }
  const reportFile = path.join(outdir, 'validation-report.json');
  if (!fs.existsSync(reportFile)) return [];
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations
      .filter((v) => v.severity === 'error')
      .flatMap((v) =>
        v.violatingConstructs.map((c) => `${plugin.pluginName} ${v.ruleName} at ${c.constructPath}`),
      ),
  );
};

describe('cdk-nag AwsSolutions checks', () => {
  it('find no unacknowledged error in the platform', () => {
    expect(errorsOf((app) => buildPlatform(app, declaration))).toEqual([]);
  }, 60_000);

  it('do report an error that nobody acknowledged', () => {
    const errors = errorsOf((app) => new Bucket(new Stack(app, 'Careless'), 'Open'));
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/AwsSolutions-S10 at Careless\/Open/)]),
    );
  }, 60_000);
});
