import { useState } from "react";
import { Link, useParams } from "react-router";
import { call } from "../../api/client";
import type { BatchRunReport, HarvestLot, Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { Field, SelectField } from "../../components/field";
import { Load } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { formatDate, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { newIdempotencyKey } from "../../idempotency";
import { useAction } from "../../use-action";
import { useLoad } from "../../use-load";
import { labelOf } from "../../vocabulary";
import { ExperiencesSection } from "../experiences";
import { PlanFacts } from "../owner/plan-page";
import { PhotoImage } from "../photo";
import { UpdatesTimeline } from "../updates";
import { saveBlob } from "./download";
import { uploadPhoto } from "./upload-photo";

const japanDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);

const HarvestForm = ({
  plan,
  onRecorded,
}: {
  plan: Plan;
  onRecorded: (lot: HarvestLot) => void;
}) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [quantity, setQuantity] = useState("");
  const [grade, setGrade] = useState<"standard" | "offspec">("standard");
  const [readyOn, setReadyOn] = useState(() => japanDay(Date.now() + 86_400_000));
  const [bestBefore, setBestBefore] = useState(() => japanDay(Date.now() + 10 * 86_400_000));
  const [done, setDone] = useState<HarvestLot | undefined>(undefined);
  const record = useAction(async () => {
    const lot = await call(
      api.POST("/plans/{id}/harvests", {
        params: { path: { id: plan.id }, header: { "idempotency-key": newIdempotencyKey() } },
        body: { quantity: Math.trunc(Number(quantity)), grade, readyOn, bestBefore },
      }),
    );
    setDone(lot);
    setQuantity("");
    onRecorded(lot);
  });
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        void record.start();
      }}
    >
      <h2>{t("producer.harvest")}</h2>
      <div className="grid">
        <Field
          label={t("producer.quantity", { unit: plan.unitLabel })}
          type="number"
          min={1}
          value={quantity}
          onChange={setQuantity}
          required
        />
        <SelectField
          label={t("producer.grade")}
          value={grade}
          options={(["standard", "offspec"] as const).map((g) => ({
            value: g,
            label: t(`grade.${g}`),
          }))}
          onChange={setGrade}
        />
        <Field
          label={t("producer.readyOn")}
          type="date"
          value={readyOn}
          onChange={setReadyOn}
          required
        />
        <Field
          label={t("producer.bestBefore")}
          type="date"
          value={bestBefore}
          onChange={setBestBefore}
          required
        />
      </div>
      <button type="submit" disabled={record.pending}>
        {t("producer.recordLot")}
      </button>
      {done && (
        <p className="success" role="status">
          {t("producer.lotRecorded", { quantity: done.quantity, unit: plan.unitLabel })}
        </p>
      )}
      {record.problem && <ProblemMessage problem={record.problem} />}
    </form>
  );
};

/** Local only: runs a batch now with a dev-login admin token, as the scheduler would later. */
const DevBatchButton = ({
  plan,
  batch,
  label,
  onDone,
}: {
  plan: Plan;
  batch: "allocate-harvests" | "schedule-shipments";
  label: string;
  onDone: () => void;
}) => {
  const { t } = useI18n();
  const { api, devLogin } = useApp();
  const [report, setReport] = useState<BatchRunReport | undefined>(undefined);
  const run = useAction(async () => {
    const adminToken = await devLogin("admin-local-dev", "admin", "local dev");
    const result = await call(
      api.POST("/admin/batches/{name}", {
        params: { path: { name: batch } },
        body: { planId: plan.id },
        headers: { authorization: `Bearer ${adminToken}` },
      }),
    );
    setReport(result);
    onDone();
  });
  const counts = report
    ? Object.entries(report.counts)
        .filter(([, n]) => n > 0)
        .map(([what, n]) => `${what} ${n}`)
        .join(", ")
    : "";
  return (
    <div className="dev-action">
      <button type="button" className="dev" disabled={run.pending} onClick={() => void run.start()}>
        {label}
      </button>
      {report && (
        <p className="success" role="status">
          {t("producer.batchDone", { counts: counts || "-" })}
        </p>
      )}
      {run.problem && <ProblemMessage problem={run.problem} />}
    </div>
  );
};

/** The lots recorded so far, each allocated or still waiting for the batch. */
const HarvestLots = ({ plan, refreshKey }: { plan: Plan; refreshKey: number }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () => call(api.GET("/plans/{id}/harvests", { params: { path: { id: plan.id } } })),
    [api, plan.id, refreshKey],
  );
  return (
    <section className="card">
      <h2>{t("producer.lots")}</h2>
      <Load loaded={loaded}>
        {({ items }) => (
          <DataTable
            testId="harvest-lots"
            empty={t("producer.lotsEmpty")}
            columns={[
              t("producer.quantity", { unit: plan.unitLabel }),
              t("producer.grade"),
              t("producer.readyOn"),
              t("producer.bestBefore"),
              t("producer.lotStatus"),
            ]}
          >
            {items.map((lot) => (
              <tr key={lot.id}>
                <td className="num">{lot.quantity}</td>
                <td>{t(`grade.${lot.grade}`)}</td>
                <td>{lot.readyOn}</td>
                <td>{lot.bestBefore}</td>
                <td>{t(lot.allocated ? "producer.lotAllocated" : "producer.lotPending")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Load>
    </section>
  );
};

const Allocations = ({ plan, refreshKey }: { plan: Plan; refreshKey: number }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () =>
      call(
        api.GET("/plans/{id}/allocations", {
          params: { path: { id: plan.id }, query: { limit: 100 } },
        }),
      ),
    [api, plan.id, refreshKey],
  );
  return (
    <section className="card">
      <h2>{t("producer.allocations")}</h2>
      <Load loaded={loaded}>
        {(page) => (
          <DataTable
            testId="allocations"
            empty={t("producer.allocationsBefore")}
            emptyTestId="allocations-before"
            columns={[
              t("producer.owner"),
              t("quote.shares"),
              t("harvest.entitled"),
              t("harvest.received"),
              t("harvest.missing"),
              t("harvest.refund"),
              t("harvest.credit"),
              t("harvest.statement"),
            ]}
          >
            {page.items.map((a) => (
              <tr key={a.ownershipId}>
                <th scope="row" className="id">
                  {a.ownerId}
                </th>
                <td className="num">{a.shares}</td>
                <td className="num">{a.entitledUnits}</td>
                <td className="num">{a.allocatedUnits}</td>
                <td className="num">{a.missingUnits}</td>
                <td className="num">{formatYen(lang, a.refundYen)}</td>
                <td className="num">{formatYen(lang, a.creditYen)}</td>
                <td className="statement">{a.statement.join(" ")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Load>
    </section>
  );
};

const Shipments = ({ plan, refreshKey }: { plan: Plan; refreshKey: number }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () =>
      call(
        api.GET("/plans/{id}/shipments", {
          params: { path: { id: plan.id }, query: { limit: 100 } },
        }),
      ),
    [api, plan.id, refreshKey],
  );
  const download = useAction(async () => {
    const blob = await call(
      api.GET("/plans/{id}/shipments.csv", { params: { path: { id: plan.id } }, parseAs: "blob" }),
    );
    saveBlob(blob as Blob, `shipments-${plan.id}.csv`);
  });
  return (
    <section className="card">
      <h2>{t("producer.shipments")}</h2>
      <button type="button" disabled={download.pending} onClick={() => void download.start()}>
        {t("producer.downloadCsv")}
      </button>
      {download.problem && <ProblemMessage problem={download.problem} />}
      <Load loaded={loaded}>
        {(page) => (
          <DataTable testId="shipments" empty={t("harvest.noShipments")} columns={[]}>
            {page.items.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="id">
                  {s.ownerId}
                </th>
                <td>{labelOf(t, "region", s.region)}</td>
                <td>
                  {s.units} {plan.unitLabel}
                </td>
                <td>
                  {s.parcels
                    .map((p) =>
                      t("harvest.parcel", { date: formatDate(lang, p.shipOn), boxes: p.boxes }),
                    )
                    .join(" / ")}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Load>
    </section>
  );
};

const PostUpdate = ({ plan, onPosted }: { plan: Plan; onPosted: () => void }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<"public" | "owners">("owners");
  const [files, setFiles] = useState<File[]>([]);
  const [posted, setPosted] = useState(false);
  const post = useAction(async () => {
    const photoKeys = [];
    for (const file of files) photoKeys.push(await uploadPhoto(api, file));
    await call(
      api.POST("/plans/{id}/updates", {
        params: { path: { id: plan.id }, header: { "idempotency-key": newIdempotencyKey() } },
        body: { body, visibility, photoKeys },
      }),
    );
    setBody("");
    setFiles([]);
    setPosted(true);
    onPosted();
  });
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        setPosted(false);
        void post.start();
      }}
    >
      <h2>{t("producer.postUpdate")}</h2>
      <Field label={t("producer.updateBody")} value={body} onChange={setBody} multiline required />
      <SelectField
        label={t("producer.visibility")}
        value={visibility}
        options={(["owners", "public"] as const).map((v) => ({
          value: v,
          label: t(`producer.visibility.${v}`),
        }))}
        onChange={setVisibility}
      />
      <div className="field">
        <label htmlFor={`photos-${plan.id}`}>{t("producer.photosField")}</label>
        <input
          id={`photos-${plan.id}`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </div>
      <button type="submit" className="primary" disabled={post.pending}>
        {post.pending && files.length > 0 ? t("producer.uploading") : t("producer.post")}
      </button>
      {posted && <p className="success">{t("producer.posted")}</p>}
      {post.problem && <ProblemMessage problem={post.problem} />}
    </form>
  );
};

/** Photos on the plan itself: uploaded to storage first, attached (and verified) by the API. */
const PlanPhotos = ({ plan, onAdded }: { plan: Plan; onAdded: () => void }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [added, setAdded] = useState(false);
  const add = useAction(async (file: File) => {
    const key = await uploadPhoto(api, file);
    await call(
      api.POST("/plans/{id}/photos", { params: { path: { id: plan.id } }, body: { key } }),
    );
    setAdded(true);
    onAdded();
  });
  return (
    <section className="card stack">
      <h2>{t("producer.planPhotos")}</h2>
      {plan.photoUrls.length > 0 && (
        <div className="photos">
          {plan.photoUrls.map((src, i) => (
            <PhotoImage key={plan.photoKeys[i] ?? src} src={src} alt={plan.title} />
          ))}
        </div>
      )}
      <div className="field">
        <label htmlFor={`plan-photo-${plan.id}`}>{t("producer.addPlanPhoto")}</label>
        <input
          id={`plan-photo-${plan.id}`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={add.pending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setAdded(false);
            if (file !== undefined) void add.start(file);
          }}
        />
      </div>
      {add.pending && <p role="status">{t("producer.uploading")}</p>}
      {added && <p className="success">{t("producer.photoAdded")}</p>}
      {add.problem && <ProblemMessage problem={add.problem} />}
    </section>
  );
};

const ManagedPlan = ({ plan, reload }: { plan: Plan; reload: () => void }) => {
  const { t } = useI18n();
  const { api, config } = useApp();
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((k) => k + 1);
  const transition = useAction(async (action: "publish" | "close") => {
    await call(
      api.POST(action === "publish" ? "/plans/{id}/publish" : "/plans/{id}/close", {
        params: { path: { id: plan.id } },
      }),
    );
    reload();
  });
  const afterSales =
    plan.status !== "draft" && plan.status !== "open" && plan.status !== "cancelled";
  return (
    <article className="plan-page">
      <h1>{plan.title}</h1>
      <p className="tags">
        <span className={`badge status-${plan.status}`} data-testid="plan-status">
          {t(`status.${plan.status}`)}
        </span>{" "}
        <Link to={`/plans/${plan.id}`}>{plan.id}</Link>
      </p>
      <div className="actions">
        <Link className="button" to={`/producer/plans/${plan.id}/edit`}>
          {t("producer.edit")}
        </Link>
        {plan.status === "draft" && (
          <button
            type="button"
            className="primary"
            disabled={transition.pending}
            onClick={() => void transition.start("publish")}
          >
            {t("producer.publish")}
          </button>
        )}
        {plan.status === "open" && (
          <button
            type="button"
            disabled={transition.pending}
            onClick={() => void transition.start("close")}
          >
            {t("producer.closeSales")}
          </button>
        )}
      </div>
      {transition.problem && <ProblemMessage problem={transition.problem} />}
      <PlanFacts plan={plan} />
      <PlanPhotos plan={plan} onAdded={reload} />
      {afterSales && (
        <>
          <HarvestForm plan={plan} onRecorded={refresh} />
          {config.auth === "dev" && (
            <section className="card dev-zone">
              <p className="muted">{t("producer.runAllocationNote")}</p>
              <DevBatchButton
                plan={plan}
                batch="allocate-harvests"
                label={t("producer.runAllocation")}
                onDone={() => {
                  refresh();
                  reload();
                }}
              />
              <DevBatchButton
                plan={plan}
                batch="schedule-shipments"
                label={t("producer.runShipping")}
                onDone={refresh}
              />
            </section>
          )}
        </>
      )}
      {afterSales && <HarvestLots plan={plan} refreshKey={refreshKey} />}
      {plan.status !== "draft" && <Allocations plan={plan} refreshKey={refreshKey} />}
      {plan.status !== "draft" && <Shipments plan={plan} refreshKey={refreshKey} />}
      <PostUpdate plan={plan} onPosted={refresh} />
      <UpdatesTimeline planId={plan.id} refreshKey={refreshKey} />
      <ExperiencesSection planId={plan.id} producerView />
    </article>
  );
};

export const ProducerPlanPage = () => {
  const { id = "" } = useParams();
  const { api } = useApp();
  const [loaded, reload] = useLoad(
    () => call(api.GET("/plans/{id}", { params: { path: { id } } })),
    [api, id],
  );
  return <Load loaded={loaded}>{(plan) => <ManagedPlan plan={plan} reload={reload} />}</Load>;
};
