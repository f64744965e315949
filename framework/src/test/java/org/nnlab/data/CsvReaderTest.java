package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static ByteDataset read(String csv) {
    return CsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.US_ASCII)), "t.csv", "t");
  }

  private static String error(String csv) {
    return assertThrows(DataException.class, () -> read(csv)).getMessage();
  }

  @Test
  void read_booksFormat_withHeaderAndCrLf() {
    ByteDataset d = read("label,a,b,c,d\r\n7,0,255,3,4\r\n\r\n2,1,1,1,1\r\n");
    assertEquals(2, d.size());
    assertEquals(2, d.rows());
    assertEquals(7, d.label(0));
    assertEquals(255, d.pixel(0, 1));
    assertEquals(8, d.classes());
  }

  @Test
  void read_wrongWidth_namesLineAndExpectedCount() {
    assertEquals("t.csv:3: expected 5 fields (a label and 4 pixels, as on the first sample's line), found 4",
        error("label,a,b,c,d\n7,0,255,3,4\n2,1,1,1\n"));
  }

  @Test
  void read_nonNumber_namesLineFieldAndValue() {
    assertEquals("t.csv:2: field 3 (pixel 2): expected an integer 0–255, found 'x'",
        error("1,2,3,4,5\n1,2,x,4,5\n"));
  }

  @Test
  void read_pixelAbove255_isAnError() {
    assertEquals("t.csv:1: field 5 (pixel 4): expected an integer 0–255, found '256'", error("1,2,3,4,256\n"));
  }

  @Test
  void read_nonSquare_isAnError() {
    assertEquals("t.csv:1: 3 pixels after the label do not make a square image;"
        + " expected N = side², e.g. 784 = 28×28", error("1,2,3,4\n"));
  }

  @Test
  void read_empty_isAnError() {
    assertEquals("t.csv: no samples; expected lines of label,p1,…,pN", error("label,p1\n"));
  }
}
