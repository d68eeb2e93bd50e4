/** The manifests of a packaged module, one per standard. Everything written into XML is escaped. */

export interface ManifestInput {
  /** A stable identifier for the module, from its scenarios. */
  readonly identifier: string;
  readonly title: string;
  /** Pass mark, 0–100. */
  readonly pass: number;
  /** Every file of the player, relative, forward slashes; index.html launches it. */
  readonly files: readonly string[];
  /** The schema files shipped beside the manifest. */
  readonly schemas: readonly string[];
}

export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const fileList = (files: readonly string[], indent: string) =>
  files.map((f) => `${indent}<file href="${xml(f)}"/>`).join('\n');

/** The player as the SCO, and the schema files as an asset; `attribute` is each edition's spelling of scormtype. */
function resources(m: ManifestInput, attribute: 'adlcp:scormtype' | 'adlcp:scormType'): string {
  return `  <resources>
    <resource identifier="player" type="webcontent" ${attribute}="sco" href="index.html">
${fileList(m.files, '      ')}
    </resource>
    <resource identifier="schemas" type="webcontent" ${attribute}="asset">
${fileList(m.schemas, '      ')}
    </resource>
  </resources>`;
}

/** SCORM 1.2: IMS Content Packaging 1.1.2 with the ADL 1.2 extensions; one SCO with its mastery score. */
export function scorm12Manifest(m: ManifestInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(m.identifier)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${xml(m.title)}</title>
      <item identifier="module" identifierref="player" isvisible="true">
        <title>${xml(m.title)}</title>
        <adlcp:masteryscore>${m.pass}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
${resources(m, 'adlcp:scormtype')}
</manifest>
`;
}

/**
 * SCORM 2004 4th edition: one SCO whose primary objective is satisfied by the pass mark, and delivery
 * controls saying the content sets completion and success (without them some LMSs, SuccessFactors
 * among them, mark the module complete when the learner quits).
 */
export function scorm2004Manifest(m: ManifestInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(m.identifier)}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${xml(m.title)}</title>
      <item identifier="module" identifierref="player">
        <title>${xml(m.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${m.pass / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
${resources(m, 'adlcp:scormType')}
</manifest>
`;
}

/** cmi5: a course of one assignable unit, passed at the mastery score (0–1) and then moved on. */
export function cmi5Manifest(m: ManifestInput): string {
  const id = `urn:upstander:module:${m.identifier}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xml(id)}">
    <title><langstring lang="en">${xml(m.title)}</langstring></title>
    <description><langstring lang="en">${xml(m.title)}</langstring></description>
  </course>
  <au id="${xml(`${id}/au`)}" moveOn="CompletedAndPassed" masteryScore="${m.pass / 100}" launchMethod="AnyWindow">
    <title><langstring lang="en">${xml(m.title)}</langstring></title>
    <description><langstring lang="en">${xml(m.title)}</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}
