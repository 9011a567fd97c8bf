import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listMyCertificates, totalMinutes } from "@/lib/certificates/records";
import { orgTimeZone } from "@/lib/orgs/settings";
import { hoursText } from "@/lib/orgs/settings-schemas";
import { formatLongDate } from "@/lib/util/intl";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "My certificates" };

export default authedPage(async function CertificatesPage(ctx) {
  const [certs, zone] = await Promise.all([listMyCertificates(ctx), orgTimeZone(ctx)]);
  const total = hoursText(totalMinutes(certs));
  return (
    <>
      <PageHeader
        title="My certificates"
        description={`Certificates of the modules you have completed in ${ctx.orgName}. Anyone can check one by its serial on the public verification page.`}
        actions={
          <>
            <a className={buttonClass("primary")} href="/certificates/transcript.pdf">
              Download transcript (PDF)
            </a>
            <a className={buttonClass("secondary")} href="/account/portfolio.zip">
              Export all my records (ZIP)
            </a>
          </>
        }
      />
      {certs.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-5 text-stone-700">
          No certificates yet. Complete every lesson of a module and pass its knowledge check to earn one. <Link href="/modules">Go to the modules</Link>.
        </p>
      ) : (
        <DataTable
          label="Your certificates"
          caption={`${certs.length} ${certs.length === 1 ? "certificate" : "certificates"}${total ? `, ${total} CPD hours in total` : ""}`}
          showCaption
          columns={["Module", "Completed", "CPD hours", "Serial", "Certificate"]}
        >
          <tbody>
            {certs.map((c) => (
              <tr key={c.serial} className="border-t border-stone-200">
                <td className="px-3 py-2 font-medium">{c.moduleTitle}</td>
                <td className="px-3 py-2">{formatLongDate(c.issuedAt, zone)}</td>
                <td className="px-3 py-2">{hoursText(c.cpdMinutes) || "None"}</td>
                <td className="px-3 py-2">
                  <Link href={`/verify/${c.serial}`} aria-label={`Check certificate ${c.serial} on the verification page`}>
                    <code>{c.serial}</code>
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <a href={`/certificates/${c.serial}/pdf`} aria-label={`Download (PDF): certificate for ${c.moduleTitle}`}>
                    Download (PDF)
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
});
