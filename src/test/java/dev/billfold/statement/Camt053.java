package dev.billfold.statement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A camt.053.001.02 statement written by a test, for the invoices it has just made: booked credit entries, each with
 * the bank's reference, the debtor (name and organisation id) and the purpose. Used by the races and the browser
 * journey, where the fixture files cannot know the invoice numbers.
 */
public final class Camt053 {

    private final String statementAccount;
    private final List<String> entries = new ArrayList<>();

    private Camt053(String statementAccount) {
        this.statementAccount = statementAccount;
    }

    /** A statement of the provider's bank account {@code statementAccount} (with the reference, the claim key). */
    public static Camt053 of(String statementAccount) {
        return new Camt053(statementAccount);
    }

    /** Adds a booked USD credit of {@code amount} (e.g. "100.00") from the debtor, with {@code purpose}. */
    public Camt053 credit(String bankReference, String amount, String debtorName, String debtorTaxId,
                          String purpose) {
        entries.add("""
                      <Ntry>
                        <Amt Ccy="USD">%s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts>BOOK</Sts>
                        <BookgDt><Dt>2026-12-01</Dt></BookgDt>
                        <ValDt><Dt>2026-12-01</Dt></ValDt>
                        <AcctSvcrRef>%s</AcctSvcrRef>
                        <NtryDtls>
                          <TxDtls>
                            <RltdPties>
                              <Dbtr>
                                <Nm>%s</Nm>
                                <Id><OrgId><Othr><Id>%s</Id></Othr></OrgId></Id>
                              </Dbtr>
                            </RltdPties>
                            <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                """.formatted(amount, xml(bankReference), xml(debtorName), xml(debtorTaxId), xml(purpose)));
        return this;
    }

    public String text() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>2026-12-01T18:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s-1</Id>
                      <CreDtTm>2026-12-01T18:00:00</CreDtTm>
                      <Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>USD</Ccy></Acct>
                %2$s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(xml(statementAccount), String.join("", entries));
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
