import { SerialForm, UNKNOWN_SERIAL_HELP, UNKNOWN_SERIAL_TITLE, VerifyFrame } from "@/components/verify/verify-frame";

/** An unknown serial: HTTP 404, with the friendly text and a form to try another. */
export default function UnknownSerial() {
  return (
    <VerifyFrame>
      <div className="mt-6 rounded-lg border border-red-700 bg-red-50 p-6">
        <p className="font-semibold text-red-900">{UNKNOWN_SERIAL_TITLE}</p>
        <p className="mt-2">{UNKNOWN_SERIAL_HELP}</p>
      </div>
      <SerialForm />
    </VerifyFrame>
  );
}
