package org.anomalyforge.trokens.synthetic;

/**
 * Where everything is in one frame, in view pixel coordinates (before the camera's belt-angle rotation and
 * shake).
 *
 * @param beltOffset  cumulative belt travel in pixels (+x)
 * @param partX       product centre x
 * @param partY       product centre y
 * @param partAngle   product rotation, radians, clockwise on screen
 * @param partScale   product scale (1.15 while lifted)
 * @param shadow      shadow offset in pixels (0 when on the belt)
 * @param secondPart  whether the second part (assembly) is drawn
 * @param secondX     second part centre x
 * @param secondY     second part centre y
 * @param pusherX     pusher centre x
 * @param pusherY     pusher centre y
 * @param gripper     whether the gripper is drawn
 * @param gripperX    gripper centre x
 * @param gripperY    gripper centre y
 */
record ScenePose(double beltOffset, double partX, double partY, double partAngle, double partScale, double shadow,
                 boolean secondPart, double secondX, double secondY, double pusherX, double pusherY,
                 boolean gripper, double gripperX, double gripperY) {}
