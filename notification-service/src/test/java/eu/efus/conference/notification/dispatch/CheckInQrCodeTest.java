package eu.efus.conference.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import eu.efus.conference.notification.Golden;
import eu.efus.conference.notification.MailParts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CheckInQrCodeTest {

    private static BufferedImage image(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void aSmallBlackOnWhitePngThatReadsBackAsTheCode() throws Exception {
        byte[] png = CheckInQrCode.png(Golden.CHECK_IN_CODE);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        assertThat(png.length).as("bytes").isLessThan(1000);

        BufferedImage image = image(png);
        // 21 modules (the smallest symbol holds the 19 characters at level M) and 4 on each side, 6 pixels each.
        int size = (21 + 2 * CheckInQrCode.QUIET_ZONE) * CheckInQrCode.MODULE_PIXELS;
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        Set<Integer> colours = new HashSet<>();
        int margin = CheckInQrCode.QUIET_ZONE * CheckInQrCode.MODULE_PIXELS;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (x < margin || y < margin || x >= size - margin || y >= size - margin) {
                    assertThat(rgb).as("quiet zone at %d,%d", x, y).isEqualTo(0xffffff);
                }
            }
        }
        assertThat(colours).containsExactlyInAnyOrder(0x000000, 0xffffff);
        // The top-left finder pattern: its outer ring starts right after the quiet zone, a module of white inside.
        assertThat(image.getRGB(margin, margin) & 0xffffff).isZero();
        assertThat(image.getRGB(margin + CheckInQrCode.MODULE_PIXELS, margin + CheckInQrCode.MODULE_PIXELS) & 0xffffff)
                .isEqualTo(0xffffff);

        Result read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertThat(read.getText()).isEqualTo(Golden.CHECK_IN_CODE);
        assertThat(read.getResultMetadata()).containsEntry(ResultMetadataType.ERROR_CORRECTION_LEVEL, "M");
    }

    @Test
    void encodesTheCodeExactlyAsGiven() throws Exception {
        for (String code : new String[] {"K3M9-Q2ZX-AB12-CD34", "k3m9q2zxab12cd34", "0000-0000-0000-0000"}) {
            assertThat(MailParts.readQrCode(CheckInQrCode.png(code))).isEqualTo(code);
        }
    }

    @Test
    void theSameCodeGivesTheSameImage() {
        assertThat(CheckInQrCode.png(Golden.CHECK_IN_CODE)).isEqualTo(CheckInQrCode.png(Golden.CHECK_IN_CODE));
    }

    @Test
    void aCodeNoSymbolCanHoldIsRefused() {
        assertThatThrownBy(() -> CheckInQrCode.png("X".repeat(5000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5000 characters");
    }
}
