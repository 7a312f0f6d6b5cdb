package org.anomalyforge.trokens.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.trokens.sampling.SplitMix64;

/**
 * Scripts the per-frame poses of one clip for an {@link ActionClass} (spec §13.6). Speeds, start positions,
 * event times and rotation angles are drawn from the clip's RNG, so every clip of a class differs while the
 * class keeps its characteristic motion pattern.
 */
final class ActionScript {

    private final ActionClass action;
    private final SceneLayout layout;
    private final int frames;
    private final SplitMix64 rng;

    ActionScript(ActionClass action, SceneLayout layout, int frames, SplitMix64 rng) {
        this.action = action;
        this.layout = layout;
        this.frames = frames;
        this.rng = rng;
    }

    /** @return {@code frames} poses, one per frame */
    List<ScenePose> poses() {
        int w = layout.width();
        // the belt runs left to right unless the class is a direction variant (PASS, JAM): a conveyor's
        // direction is fixed per camera, so it is not intra-class variation
        int dir = action.kind() == ActionKind.PASS || action.kind() == ActionKind.JAM ? action.sign() : 1;
        double speed = (0.45 + 0.2 * rng.nextDouble()) * w / frames;
        double startX = dir > 0 ? (0.12 + 0.08 * rng.nextDouble()) * w : (0.88 - 0.08 * rng.nextDouble()) * w;
        double angle0 = (rng.nextDouble() - 0.5) * 0.4;
        int event = (int) Math.round((0.3 + 0.15 * rng.nextDouble()) * frames);
        double y = layout.beltY() + (rng.nextDouble() - 0.5) * 0.3 * layout.beltHalf();
        List<ScenePose> out = new ArrayList<>(frames);
        switch (action.kind()) {
            case PASS -> {
                for (int t = 0; t < frames; t++) {
                    out.add(travel(dir * speed * t, startX + dir * speed * t, y, angle0));
                }
            }
            case JAM, STALL -> {
                double x = (0.35 + 0.3 * rng.nextDouble()) * w;
                double beltSpeed = action.kind() == ActionKind.JAM ? dir * speed * 1.2 : 0;
                for (int t = 0; t < frames; t++) {
                    out.add(travel(beltSpeed * t, x, y, angle0));
                }
            }
            case REJECT -> reject(out, dir, speed, startX, y, angle0, event);
            case PICK_PLACE -> pickPlace(out, dir, speed, startX, y, angle0, event);
            case ROTATE_INSPECT -> rotate(out, dir, speed, startX, y, angle0, event);
            case ASSEMBLY_STEP -> assembly(out, dir, speed, startX, y, angle0, event);
            default -> throw new IllegalStateException("unscripted action " + action.kind());
        }
        return out;
    }

    private ScenePose travel(double belt, double x, double y, double angle) {
        return new ScenePose(belt, x, y, angle, 1, 0, false, 0, 0, layout.stationX(), layout.pusherRestY(1), false,
                0, 0);
    }

    private void reject(List<ScenePose> out, int dir, double speed, double startX, double y, double angle, int event) {
        int side = action.sign();
        double pushSpeed = 2.5 + 1.0 * rng.nextDouble();
        double stationX = startX + dir * speed * event;
        double finalY = layout.beltY() + side * (layout.beltHalf() + layout.partHeight() * 0.8 + 4);
        double contact = layout.partHeight() / 2.0 + layout.pusherDepth() / 2.0;
        double rest = layout.pusherRestY(side);
        double partY = y;
        double pusherY = rest;
        boolean pushed = false;
        for (int t = 0; t < frames; t++) {
            double x = t < event ? startX + dir * speed * t : stationX;
            if (t >= event) {
                partY = side > 0 ? Math.min(finalY, y + pushSpeed * (t - event)) : Math.max(finalY, y - pushSpeed * (t - event));
                pushed = partY == finalY;
            }
            double target = partY - side * contact;
            if (t >= event - 3 && t < event) {
                pusherY = rest + (y - side * contact - rest) * (t - event + 4) / 4.0;
            } else if (t >= event && !pushed) {
                pusherY = target;
            } else if (pushed) {
                pusherY = side > 0 ? Math.max(rest, pusherY - pushSpeed) : Math.min(rest, pusherY + pushSpeed);
            }
            out.add(new ScenePose(dir * speed * t, x, partY, angle, 1, 0, false, 0, 0, stationX, pusherY, false, 0, 0));
        }
    }

    private void pickPlace(List<ScenePose> out, int dir, double speed, double startX, double y, double angle,
                           int event) {
        int side = action.sign();
        double trayY = layout.trayY(side);
        double pickX = startX + dir * speed * event;
        double restY = layout.beltY() + side * (layout.beltHalf() + 0.45 * layout.height());
        for (int t = 0; t < frames; t++) {
            double x = t < event ? startX + dir * speed * t : pickX;
            double partY = y;
            double scale = 1;
            double shadow = 0;
            boolean gripper = t >= event - 4 && t < event + 18;
            double gy = partY;
            if (t < event) {
                gy = restY + (y - restY) * (t - event + 5) / 5.0;
            } else if (t < event + 3) {
                double s = (t - event + 1) / 3.0;
                scale = 1 + 0.15 * s;
                shadow = 3 * s;
            } else if (t < event + 11) {
                double s = (t - event - 2) / 8.0;
                partY = y + (trayY - y) * s;
                scale = 1.15;
                shadow = 3;
                gy = partY;
            } else {
                partY = trayY;
                double s = Math.min(1, (t - event - 10) / 3.0);
                scale = 1.15 - 0.15 * s;
                shadow = 3 * (1 - s);
                gy = t < event + 14 ? trayY : trayY + (restY - trayY) * (t - event - 13) / 5.0;
            }
            out.add(new ScenePose(dir * speed * t, x, partY, angle, scale, shadow, false, 0, 0, layout.stationX(),
                    layout.pusherRestY(1), gripper, x, gy));
        }
    }

    private void rotate(List<ScenePose> out, int dir, double speed, double startX, double y, double angle,
                        int event) {
        int stop = 10 + rng.nextInt(5);
        double turn = action.sign() * (Math.PI / 2 + rng.nextDouble() * 1.5 * Math.PI);
        for (int t = 0; t < frames; t++) {
            int moving = t < event ? t : Math.max(event, t - stop);
            double a = angle + (t < event ? 0 : turn * Math.min(1.0, (t - event) / (double) stop));
            double travelled = dir * speed * moving;
            out.add(new ScenePose(travelled, startX + travelled, y, a, 1, 0, false, 0, 0, layout.stationX(),
                    layout.pusherRestY(1), false, 0, 0));
        }
    }

    private void assembly(List<ScenePose> out, int dir, double speed, double startX, double y, double angle,
                          int event) {
        int side = action.sign();
        int duration = 8;
        double meetX = startX + dir * speed * (event + duration);
        double fromY = layout.beltY() + side * (layout.beltHalf() + 0.12 * layout.height());
        for (int t = 0; t < frames; t++) {
            double x = startX + dir * speed * t;
            double sx;
            double sy;
            if (t < event) {
                sx = meetX;
                sy = fromY;
            } else if (t < event + duration) {
                double s = (t - event + 1) / (double) duration;
                sx = meetX + (x - meetX) * s;
                sy = fromY + (y - fromY) * s;
            } else {
                sx = x;
                sy = y;
            }
            out.add(new ScenePose(dir * speed * t, x, y, angle, 1, 0, true, sx, sy, layout.stationX(),
                    layout.pusherRestY(1), false, 0, 0));
        }
    }
}
