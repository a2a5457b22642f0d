package org.sakkaya.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sakkaya.it.Api;
import org.sakkaya.it.Deployments;
import org.sakkaya.it.TestDatabase;
import org.sakkaya.it.World;

/** Issuing, downloading, verifying and revoking certificates; HR's bulk download of its own staff's. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificatesIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    World world;
    String organiser;
    String cohortId;
    String otherDepartment;
    World.Person ours;
    World.Person theirs;

    /** A cohort without a pass policy or assessments: everyone seated passes, so both trainees get certificates. */
    @BeforeEach
    void setUp() {
        api = new Api(base);
        world = new World(api);
        organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        cohortId = world.cohort(organiser, world.program(organiser, "นักวิทยาการข้อมูล (Data Scientist)", "DATA_SCIENCE"),
                "2020-11-23", "2020-11-26");
        otherDepartment = world.organization("กรมอื่น", "DEPARTMENT", world.ministryId);
        ours = world.namedPerson(world.divisionId, "นางสาว", "กัญญ์ณัฏฐ์", "ศรีสุขสวัสดิ์", "TRAINEE");
        theirs = world.namedPerson(otherDepartment, "ว่าที่ร้อยตรี", "ธนพล", "ใจเย็น", "TRAINEE");
        world.seat(organiser, cohortId, ours);
        world.seat(organiser, cohortId, theirs);
    }

    private List<String> issued() {
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200);
        return api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200)
                .extract().jsonPath().getList("serial");
    }

    @Test
    void issuingTwiceIssuesNothingNew() {
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200)
                .body("issued", equalTo(2)).body("alreadyHeld", equalTo(0));
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200)
                .body("issued", equalTo(0)).body("alreadyHeld", equalTo(2));
        api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then()
                .body("holderName", containsInAnyOrder("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์", "ว่าที่ร้อยตรีธนพล ใจเย็น"));
        api.as(world.token(ours)).post("/cohorts/" + cohortId + "/certificates").then().statusCode(403);
    }

    @Test
    void theHolderAndTheirHrDownloadThePdfAndNobodyElse() throws Exception {
        issued();
        String mine = api.as(world.token(ours)).get("/certificates").then().statusCode(200).body("", hasSize(1))
                .extract().path("[0].serial");
        Response pdf = api.as(world.token(ours)).accept("application/pdf").get("/certificates/" + mine + "/pdf");
        pdf.then().statusCode(200).contentType(containsString("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์").contains("วุฒิบัตร");
        }
        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).accept("application/pdf").get("/certificates/" + mine + "/pdf").then().statusCode(200);
        api.as(hr).get("/certificates").then().body("holderName", containsInAnyOrder("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"));
        String otherHr = world.token(world.person(otherDepartment, "HR"));
        api.as(otherHr).accept("application/pdf").get("/certificates/" + mine + "/pdf").then().statusCode(404);
        api.as(world.token(theirs)).accept("application/pdf").get("/certificates/" + mine + "/pdf").then().statusCode(404);
    }

    @Test
    void anyoneVerifiesASerialAndSeesOnlyWhatIsPrintedThenRevocation() {
        issued();
        String serial = api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", world.divisionId)
                .get("/certificates").then().extract().path("[0].serial");
        Response json = api.root().accept("application/json").get("/verify/" + serial.toLowerCase());
        json.then().statusCode(200)
                .body("status", equalTo("VALID"))
                .body("holderName", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"))
                .body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        assertThat(json.asString()).doesNotContain(ours.email()).doesNotContain("personId").doesNotContain(ours.id());
        Response html = api.root().accept("text/html").get("/verify/" + serial);
        html.then().statusCode(200).contentType(containsString("text/html")).header("X-Content-Type-Options", equalTo("nosniff"));
        assertThat(html.asString()).contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์").contains("VALID").doesNotContain(ours.email());

        api.root().accept("application/json").get("/verify/0000000000000000000000000A").then().statusCode(404);
        api.root().accept("application/json").get("/verify/<script>").then().statusCode(404);

        api.as(organiser).body(Map.of("reason", "ออกให้ผิดคน")).post("/certificates/" + serial + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        api.root().accept("application/json").get("/verify/" + serial).then().statusCode(200).body("status", equalTo("REVOKED"));
        api.as(organiser).body(Map.of("reason", "อีกครั้ง")).post("/certificates/" + serial + "/revoke").then().statusCode(409);
        api.as(organiser).body(Map.of()).post("/certificates/" + serial + "/revoke").then().statusCode(400);
    }

    @Test
    void hrDownloadsAZipOfItsOwnStaffsCertificatesWithAManifest() throws Exception {
        issued();
        String hr = world.token(world.person(world.departmentId, "HR"));
        Response zip = api.as(hr).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip");
        zip.then().statusCode(200).contentType(containsString("application/zip"));
        List<String> names = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                if (entry.getName().equals("manifest.csv")) {
                    manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).hasSize(2).contains("manifest.csv");
        assertThat(manifest).contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์").doesNotContain("ธนพล");
        Response all = api.as(organiser).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(all.asByteArray()))) {
            int count = 0;
            while (in.getNextEntry() != null) {
                count++;
            }
            assertThat(count).isEqualTo(3);
        }
        api.as(world.token(ours)).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip").then().statusCode(403);
        String noScope = world.token(world.person(world.ministryId, "TRAINER"));
        api.as(noScope).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip").then().statusCode(403);
    }

    @Test
    void guessingSerialsFromOneAddressIsSlowedDown() {
        try {
            int status = 0;
            int asked = 0;
            while (status != 429 && asked < 40) {
                status = api.root().accept("application/json").get("/verify/" + org.sakkaya.certificate.control.Serials.next()).statusCode();
                asked++;
            }
            assertThat(status).as("429 within the ITs' limit of 30 a minute").isEqualTo(429);
            api.root().accept("application/json").get("/verify/anything").then().statusCode(429)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .contentType(containsString("application/problem+json"));
        } finally {
            // the window would otherwise hold for a minute and refuse the other tests' verifications
            TestDatabase.update("DELETE FROM rate_limit WHERE bucket_key LIKE 'verify:%'");
        }
    }
}
