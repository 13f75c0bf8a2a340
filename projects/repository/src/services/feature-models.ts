import type { Dictionary } from '../dictionary';

/*
 * Two small models the shared-link and download rooms need and the built-in set lacks. They are written
 * for this repository (same namespaces and names as ACS, so clients that test for `qshare:shared` or
 * `download:download` see what they expect) and registered in memory when the rooms are mounted.
 */
const QSHARE_MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<model name="qshare:qsharemodel" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <description>Shared (public) links to content</description>
  <author>eOffice</author>
  <version>1.0</version>
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
  </imports>
  <namespaces>
    <namespace uri="http://www.alfresco.org/model/qshare/1.0" prefix="qshare"/>
  </namespaces>
  <aspects>
    <aspect name="qshare:shared">
      <title>Shared</title>
      <properties>
        <property name="qshare:sharedId"><title>Shared Id</title><type>d:text</type><protected>true</protected></property>
        <property name="qshare:sharedBy"><title>Shared By</title><type>d:text</type><protected>true</protected></property>
        <property name="qshare:expiryDate"><title>Expiry Date</title><type>d:datetime</type><protected>true</protected></property>
      </properties>
    </aspect>
  </aspects>
</model>`;

const DOWNLOAD_MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<model name="download:downloadModel" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <description>Zip downloads of several nodes</description>
  <author>eOffice</author>
  <version>1.0</version>
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://www.alfresco.org/model/system/1.0" prefix="sys"/>
    <import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>
  </imports>
  <namespaces>
    <namespace uri="http://www.alfresco.org/model/download/1.0" prefix="download"/>
  </namespaces>
  <types>
    <type name="download:download">
      <title>Download</title>
      <parent>cm:content</parent>
      <properties>
        <property name="download:status"><title>Status</title><type>d:text</type></property>
        <property name="download:recursive"><title>Recursive</title><type>d:boolean</type></property>
        <property name="download:filesAdded"><title>Files Added</title><type>d:long</type></property>
        <property name="download:totalFiles"><title>Total Files</title><type>d:long</type></property>
        <property name="download:bytesAdded"><title>Bytes Added</title><type>d:long</type></property>
        <property name="download:totalBytes"><title>Total Bytes</title><type>d:long</type></property>
      </properties>
      <associations>
        <association name="download:requestedNodes">
          <source><mandatory>false</mandatory><many>true</many></source>
          <target><class>sys:base</class><mandatory>false</mandatory><many>true</many></target>
        </association>
      </associations>
    </type>
  </types>
</model>`;

/** Registers the shared-link and download models unless a deployed model already defines them. */
export function ensureFeatureModels(dictionary: Dictionary): void {
  if (!dictionary.getAspect('qshare:shared')) dictionary.registerModel(QSHARE_MODEL, { builtIn: true });
  if (!dictionary.getType('download:download')) dictionary.registerModel(DOWNLOAD_MODEL, { builtIn: true });
}
