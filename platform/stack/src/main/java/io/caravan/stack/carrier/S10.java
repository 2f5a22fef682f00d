package io.caravan.stack.carrier;

import java.util.regex.Pattern;

/**
 * UPU S10 item identifiers, the tracking numbers of postal items: two letters naming the service
 * (the first: {@code E} express/EMS, {@code C} parcel, {@code R} registered, {@code L} tracked
 * packet…), an eight-digit serial, a check digit and the ISO 3166 code of the issuing country —
 * {@code RR123456785CN}. The check digit weighs the serial's digits 8, 6, 4, 2, 3, 5, 9, 7, takes
 * 11 minus the sum modulo 11, and writes 10 as 0 and 11 as 5 (UPU standard S10).
 */
public final class S10 {
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}");

    private S10() {}

    /**
     * The check digit of an eight-digit serial.
     *
     * @throws IllegalArgumentException if the serial is not eight digits
     */
    public static int checkDigit(String serial) {
        if (serial == null || !serial.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("an S10 serial is eight digits, not " + serial);
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 0 : check == 11 ? 5 : check;
    }

    /**
     * An identifier from its parts.
     *
     * @param service two capital letters
     * @param serial  0 to 99,999,999
     * @param country two capital letters
     */
    public static String of(String service, long serial, String country) {
        if (service == null || !service.matches("[A-Z]{2}") || country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("service and country are two capital letters each");
        }
        if (serial < 0 || serial > 99_999_999) {
            throw new IllegalArgumentException("an S10 serial has eight digits, not " + serial);
        }
        String digits = String.format("%08d", serial);
        return service + digits + checkDigit(digits) + country;
    }

    /** Whether a text is an S10 identifier with the right check digit. */
    public static boolean isValid(String number) {
        return number != null
                && SHAPE.matcher(number).matches()
                && checkDigit(number.substring(2, 10)) == number.charAt(10) - '0';
    }
}
